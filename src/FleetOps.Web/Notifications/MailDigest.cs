using System.Text.Json;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Several opened (or resolved) alerts of one store for one person, due together, go as one mail: a store whose network
/// fails takes every terminal offline at once, and twenty mails in two seconds bury the one that matters. The first goes
/// at once; the outbox holds those that follow it within <see cref="MailOptions.DigestSeconds"/> to one due time
/// (<see cref="MailPace"/>), and the sender sends the ones due together as one. Each alert keeps its own row, so the order of one alert's mails (<see cref="MailOrder"/>)
/// and its retries hold as for any mail: the rows of a digest are attempted, and recorded, together.
/// </summary>
public static class MailDigest
{
    /// <summary>The due deliveries sent with <paramref name="head"/>, head first: itself alone unless it is a mail that may go in a digest.</summary>
    public static IReadOnlyList<WebhookDeliveryRow> With(WebhookDeliveryRow head, IReadOnlyList<WebhookDeliveryRow> due, IReadOnlySet<long> done)
    {
        if (!MayJoin(head) || Read(head) is not { Entry: not null } content) return [head];
        return [head, .. due.Where(d => d.Id != head.Id && !done.Contains(d.Id) && MayJoin(d) && d.Type == head.Type
            && d.MailSubscriptionId == head.MailSubscriptionId && Read(d) is { Entry: not null } other && other.StoreCode == content.StoreCode)];
    }

    /// <summary>Notes in each row of a digest which delivery it went as and how many alerts it held (the delivery log shows it as one).</summary>
    public static void Mark(IReadOnlyList<WebhookDeliveryRow> group)
    {
        if (group.Count < 2) return;
        foreach (var row in group)
        {
            var content = Read(row);
            row.Body = JsonSerializer.Serialize(content with { Entry = content.Entry! with { Head = group[0].DeliveryId, Size = group.Count } });
        }
    }

    /// <summary>
    /// The mail a digest of <paramref name="group"/> follows: the stream's last mail before the digest's alerts when it was
    /// sent within a window of the first of them, or was still on its way then — the mail they were held behind
    /// (<see cref="MailPace"/>) — and was delivered: the burst's first alert mailed alone, or, in a flood longer than a
    /// window, the digest before. Null otherwise: after a mail that failed, or with no window at all, the digest says
    /// nothing it cannot vouch for.
    /// </summary>
    public static async Task<MailLead?> LeadAsync(FleetDbContext db, IReadOnlyList<WebhookDeliveryRow> group, TimeSpan window,
        CancellationToken cancellationToken)
    {
        if (group.Count < 2 || window <= TimeSpan.Zero) return null;
        var first = group.MinBy(d => d.Id)!;
        var store = Read(first).StoreCode;
        var sinceMs = first.CreatedAtMs - (long)window.TotalMilliseconds;
        var before = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.MailSubscriptionId == first.MailSubscriptionId && d.Type == first.Type && d.Id < first.Id && d.LastAttemptAtMs > sinceMs)
            .OrderByDescending(d => d.Id).ToListAsync(cancellationToken);
        if (before.Select(d => (Row: d, Mail: TryRead(d))).FirstOrDefault(d => d.Mail?.StoreCode == store) is not ({ } lead, { } mail)
            || lead.Status != WebhookDeliveryStatus.Delivered.ToWire())
        {
            return null;
        }
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(lead.LastAttemptAtMs!.Value);
        // A digest's rows each hold the alert's own mail; what the reader received was the digest's subject.
        return mail.Entry is { Size: > 1 } entry
            ? new MailLead(MailText.DigestSubject(entry, entry.Size), sentAt, entry.Size)
            : new MailLead(mail.Subject, sentAt, 1);
    }

    /// <summary>The stored mail, or null for a body this version does not read as one (the delivery log still lists the row).</summary>
    public static MailContent? TryRead(WebhookDeliveryRow row)
    {
        try
        {
            return JsonSerializer.Deserialize<MailContent>(row.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static MailContent Read(WebhookDeliveryRow row) => JsonSerializer.Deserialize<MailContent>(row.Body)
        ?? throw new InvalidDataException($"Delivery {row.DeliveryId} holds no e-mail.");

    private static bool MayJoin(WebhookDeliveryRow row) =>
        row.MailSubscriptionId is not null && row.AlertId is not null && row.Type is WebhookMessage.Opened or WebhookMessage.Resolved;
}
