using System.Globalization;
using FleetOps.Core.Wire;
using FleetOps.Web.Localization;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Notifications;

/// <summary>
/// A person's own e-mail notifications, for the API and the notifications page: read, change (audited), queue a test
/// mail, read their delivery log. Every person manages only their own: the methods take the signed-in user.
/// </summary>
public sealed class MailService(FleetDbContextFactory databases, TimeProvider time, IOptions<MailOptions> mail, IOptions<LanguageOptions> languages,
    FleetOps.Core.Fleet.StoreDirectory stores)
{
    public bool MailEnabled => mail.Value.IsEnabled;

    /// <summary>The language the person's mail is written in: the one they chose, else the one they last signed in with, else the server's default (mail has no browser to ask).</summary>
    public CultureInfo LanguageOf(UserAccess user) => languages.Value.ForReader(user.WrittenCulture);

    public async Task<MailSubscription> GetAsync(UserAccess user, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var row = await db.MailSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == user.UserId, cancellationToken);
        return row is null ? MailSubscription.Default(user.UserId) : MailSubscription.From(row);
    }

    public async Task<MailSubscription> SaveAsync(UserAccess user, bool enabled, AlertInterest interest, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = databases.CreateDbContext();
        var row = await RowAsync(db, user, now, cancellationToken);
        row.Enabled = enabled;
        row.Kinds = interest.KindsWire;
        row.MinSeverity = interest.MinSeverity.ToWire();
        db.AuditEntries.Add(AuditLog.Row(now, user.Email, AuditActions.MailSubscriptionSaved, user.Email,
            $"{(enabled ? "on" : "off")}; {interest.Describe()}", remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return MailSubscription.From(row);
    }

    private static readonly string Pending = WebhookDeliveryStatus.Pending.ToWire();

    /// <summary>Pages of <see cref="WebhookService.LogLength"/> rows the log reads at most: a thousand rows (fewer mails are shown past that).</summary>
    private const int MaxLogPages = 20;

    /// <summary>
    /// Queues a test mail to the person, sent and retried like any other; null while mail is off. While one of theirs is
    /// still waiting, that one is the answer: five clicks on a slow server queued five mails (an outside tester).
    /// </summary>
    public async Task<Guid?> QueueTestAsync(UserAccess user, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (!MailEnabled) return null;
        var now = time.GetUtcNow();
        await using var db = databases.CreateDbContext();
        if (await WaitingTestAsync(db, user, cancellationToken) is { } waiting) return waiting;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await RowAsync(db, user, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the delivery hangs off the subscription's id
        // On the clock of the person's stores, as their alert mails and pages read; and honest about alert mail being off.
        var zone = FleetOps.Core.Fleet.StoreTime.Common(stores, user.Scope.StoreCodes(stores));
        var content = MailText.Test(user, LanguageOf(user), now, zone, alertsOn: row.Enabled, mail.Value.PublicBaseUrl);
        var delivery = MailOutbox.Delivery(row.Id, WebhookMessage.Test, null, content, now);
        db.WebhookDeliveries.Add(delivery);
        db.AuditEntries.Add(AuditLog.Row(now, user.Email, AuditActions.MailTestQueued, user.Email, $"delivery {delivery.DeliveryId}", remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivery.DeliveryId;
    }

    /// <summary>The person's test mail still waiting to be sent, if one is.</summary>
    private static Task<Guid?> WaitingTestAsync(FleetDbContext db, UserAccess user, CancellationToken cancellationToken) =>
        MailsOf(db, user).Where(d => d.Type == WebhookMessage.Test && d.Status == Pending)
            .OrderByDescending(d => d.Id).Select(d => (Guid?)d.DeliveryId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The person's mails in the outbox (their subscription's deliveries).</summary>
    private static IQueryable<WebhookDeliveryRow> MailsOf(FleetDbContext db, UserAccess user)
    {
        var ids = db.MailSubscriptions.Where(s => s.UserId == user.UserId).Select(s => (long?)s.Id);
        return db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.MailSubscriptionId));
    }

    /// <summary>The person's newest <see cref="WebhookService.LogLength"/> mails, newest first (a digest is one mail).</summary>
    public async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(UserAccess user, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var read = await NewestMailsAsync(db, user, cancellationToken);
        // Which mail each row is, and how many alerts that mail holds: a digest sent, one held (HeldDigests), else itself alone.
        var held = HeldDigests(read);
        var mailOf = read.ToDictionary(r => r.Row.DeliveryId, r => held.TryGetValue(r.Row.DeliveryId, out var digest) ? digest : (Head: MailOf(r), Size: r.Mail?.Entry?.Size ?? 1));
        Guid MailOfRow((WebhookDeliveryRow Row, MailContent? Mail) r) => mailOf[r.Row.DeliveryId].Head;
        // A digest is one mail: listed once, as its first delivery, with the subject it was sent with and how many alerts it held.
        // It stands at its newest row: a digest's first row may be older than mails sent after it.
        var newest = read.GroupBy(MailOfRow).ToDictionary(g => g.Key, g => g.Max(r => r.Row.Id));
        var shown = read.Where(r => MailOfRow(r) == r.Row.DeliveryId || !mailOf.ContainsKey(MailOfRow(r)))
            .OrderByDescending(r => newest[MailOfRow(r)]).Take(WebhookService.LogLength).ToList();
        // A person has few mails pending at once; the one a row waits for may be older than those shown, so asked for apart.
        var waiting = await MailsOf(db, user).Where(d => d.Status == Pending && d.AlertId != null).ToListAsync(cancellationToken);
        var holders = MailOrder.Holders(shown.Select(r => r.Row), waiting);
        var holding = waiting.ToDictionary(w => w.DeliveryId);
        return shown.Select(r => WebhookDeliveryDto.Of(r.Row) with
        {
            Subject = r.Mail?.Entry is { } entry && mailOf[r.Row.DeliveryId].Size is > 1 and var size ? MailText.DigestSubject(entry, size) : r.Mail?.Subject,
            WaitsFor = holders.TryGetValue(r.Row.Id, out var holder) ? holder : null,
            // A held mail goes after the one it waits for, not at its own due time, long past while that one is in back-off:
            // the page read "next try within a minute" for a mail held five minutes, or hours, by an earlier one's retries.
            NextAttemptAt = Later(r.Row.NextAttemptAtMs, holder == default ? null : holding[holder].NextAttemptAtMs),
            Alerts = mailOf[r.Row.DeliveryId].Size is > 1 and var alerts ? alerts : null,
        }).ToList();
    }

    /// <summary>
    /// Alert mails held for one digest and not tried yet: the window's followers of one store and event share one due time
    /// (<see cref="MailPace"/>) and will go as one mail, so the log shows them as that mail already — a flood read as fifty
    /// separate waiting rows for the whole window, and only became one row once sent. Keyed by delivery: the digest's
    /// first row (its head when sent, <see cref="MailDigest.With"/>) and how many alerts it holds.
    /// </summary>
    private static Dictionary<Guid, (Guid Head, int Size)> HeldDigests(List<(WebhookDeliveryRow Row, MailContent? Mail)> read) =>
        read.Where(r => r.Row.Status == Pending && r.Row.Attempts == 0 && r.Mail?.Entry is { Size: 0 } && r.Row.AlertId is not null)
            .GroupBy(r => (r.Row.Type, r.Mail!.StoreCode, r.Row.NextAttemptAtMs))
            .Select(g => g.ToList())
            .Where(g => g.Count > 1)
            .Select(g => (Rows: g, Head: g.MinBy(x => x.Row.Id).Row.DeliveryId))
            .SelectMany(g => g.Rows.Select(r => (r.Row.DeliveryId, g.Head, Size: g.Rows.Count)))
            .ToDictionary(d => d.DeliveryId, d => (d.Head, d.Size));

    /// <summary>
    /// Enough of the person's newest rows, each with its stored mail read once, to make <see cref="WebhookService.LogLength"/>
    /// mails, and the first row of every digest among them. A digest is a row per alert: read as the newest 50 rows, one
    /// flood's digest was the whole log and every mail before it — the acknowledged mail a resolved one waited for — fell
    /// off the page. Read a page at a time, at most <see cref="MaxLogPages"/>.
    /// </summary>
    private static async Task<List<(WebhookDeliveryRow Row, MailContent? Mail)>> NewestMailsAsync(FleetDbContext db, UserAccess user, CancellationToken cancellationToken)
    {
        var read = new List<(WebhookDeliveryRow Row, MailContent? Mail)>();
        var mails = new HashSet<Guid>();
        for (var page = 0; page < MaxLogPages && mails.Count <= WebhookService.LogLength; page++)
        {
            var before = read.Count == 0 ? long.MaxValue : read[^1].Row.Id;
            var rows = await MailsOf(db, user).Where(d => d.Id < before).OrderByDescending(d => d.Id).Take(WebhookService.LogLength).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var mail = MailDigest.TryRead(row);
                read.Add((row, mail));
                mails.Add(MailOf((row, mail)));
            }
            if (rows.Count < WebhookService.LogLength) break;
        }
        var ids = read.Select(r => r.Row.DeliveryId).ToHashSet();
        var missing = mails.Where(m => !ids.Contains(m)).ToList();
        if (missing.Count > 0)
        {
            read.AddRange((await MailsOf(db, user).Where(d => missing.Contains(d.DeliveryId)).ToListAsync(cancellationToken)).Select(r => (r, MailDigest.TryRead(r))));
        }
        return read;
    }

    private static DateTimeOffset? Later(long? ownMs, long? holderMs) =>
        ownMs is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(ownMs.Value, holderMs ?? ownMs.Value));

    /// <summary>The mail a row went as: its digest's first delivery, else its own.</summary>
    private static Guid MailOf((WebhookDeliveryRow Row, MailContent? Mail) read) =>
        read.Mail?.Entry is { Size: > 1, Head: { } head } ? head : read.Row.DeliveryId;

    /// <summary>The person's row, tracked and marked changed now; a new one (off, <see cref="MailSubscription.Default"/>) when they have none yet.</summary>
    private static async Task<MailSubscriptionRow> RowAsync(FleetDbContext db, UserAccess user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await SubscriptionOfAsync(db, user, now, cancellationToken);
        row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
        return row;
    }

    /// <summary>
    /// The person's row, tracked, as they left it; a new one (off, <see cref="MailSubscription.Default"/>) added when they have
    /// none yet — a mail about their account (a token about to expire) hangs off it without changing their choices.
    /// </summary>
    internal static async Task<MailSubscriptionRow> SubscriptionOfAsync(FleetDbContext db, UserAccess user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.MailSubscriptions.FirstOrDefaultAsync(s => s.UserId == user.UserId, cancellationToken) is { } row) return row;
        var fresh = MailSubscription.Default(user.UserId);
        row = new MailSubscriptionRow
        {
            UserId = user.UserId, Enabled = false, Kinds = fresh.Interest.KindsWire, MinSeverity = fresh.Interest.MinSeverity.ToWire(),
            UpdatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        db.MailSubscriptions.Add(row);
        return row;
    }
}
