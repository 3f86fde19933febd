using System.Linq.Expressions;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>
/// One alert's mails to one person go out in the order of its events: a later one (resolved) is not sent while an earlier
/// one (acknowledged, in back-off because the server refused it) is still pending; it goes once the earlier is delivered
/// or has failed for good. Sent by its own back-off instead, the resolved mail went first and the acknowledged one after
/// it, so the reader's last word was an alert still open.
/// <para>
/// The earlier mail is held to, not dropped as stale: each says what the later one does not (when the alert opened, who
/// acknowledged it and their note), and a store manager reading after an outage wants the whole story in order rather than
/// its end only. The cost is that the later mail waits out the earlier one's back-off — which it would mostly have spent
/// failing at the same mail server too.
/// </para>
/// The rule is a query on the shared outbox, so it holds whichever node leads and on SQLite and PostgreSQL alike.
/// </summary>
public static class MailOrder
{
    private static readonly string Pending = WebhookDeliveryStatus.Pending.ToWire();

    /// <summary>Deliveries not held back by an earlier pending mail about the same alert to the same person (webhooks never are).</summary>
    public static Expression<Func<WebhookDeliveryRow, bool>> Free(IQueryable<WebhookDeliveryRow> deliveries) =>
        d => d.MailSubscriptionId == null || d.AlertId == null || !deliveries.Any(e =>
            e.MailSubscriptionId == d.MailSubscriptionId && e.AlertId == d.AlertId && e.Status == Pending && e.Id < d.Id);

    /// <summary>
    /// For the pending mails among <paramref name="rows"/>, the earliest still-pending mail about the same alert to the same
    /// person that each waits for, by row id; <paramref name="pending"/> holds the person's pending alert mails.
    /// </summary>
    public static IReadOnlyDictionary<long, Guid> Holders(IEnumerable<WebhookDeliveryRow> rows, IReadOnlyList<WebhookDeliveryRow> pending) => rows
        .Where(r => r.Status == Pending && r.AlertId is not null)
        .Select(r => (r.Id, Holder: pending.Where(e => e.MailSubscriptionId == r.MailSubscriptionId && e.AlertId == r.AlertId && e.Id < r.Id)
            .MinBy(e => e.Id)))
        .Where(h => h.Holder is not null)
        .ToDictionary(h => h.Id, h => h.Holder!.DeliveryId);
}
