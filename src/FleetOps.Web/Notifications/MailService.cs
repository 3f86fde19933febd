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

    /// <summary>The person's newest <see cref="WebhookService.LogLength"/> mails, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(UserAccess user, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await MailsOf(db, user).OrderByDescending(d => d.Id).Take(WebhookService.LogLength).ToListAsync(cancellationToken);
        // A person has few mails pending at once; the one a row waits for may be older than the newest 50, so asked for apart.
        var pending = WebhookDeliveryStatus.Pending.ToWire();
        var waiting = await MailsOf(db, user).Where(d => d.Status == pending && d.AlertId != null).ToListAsync(cancellationToken);
        var holders = MailOrder.Holders(rows, waiting);
        var mails = rows.ToDictionary(r => r.Id, MailDigest.TryRead); // each stored mail read once
        // A digest is one mail: listed once, as its first delivery, with how many alerts it held.
        var digests = rows.Where(r => mails[r.Id]?.Entry is { Size: > 1 }).ToDictionary(r => r.DeliveryId, r => mails[r.Id]!.Entry!);
        return rows.Where(r => !(digests.TryGetValue(r.DeliveryId, out var entry) && entry.Head != r.DeliveryId && digests.ContainsKey(entry.Head!.Value)))
            .Select(r => WebhookDeliveryDto.Of(r) with
            {
                Subject = mails[r.Id]?.Subject,
                WaitsFor = holders.TryGetValue(r.Id, out var holder) ? holder : null,
                Alerts = digests.TryGetValue(r.DeliveryId, out var entry) && entry.Head == r.DeliveryId ? entry.Size : null,
            }).ToList();
    }

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
