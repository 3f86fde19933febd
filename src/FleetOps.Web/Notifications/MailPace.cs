using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Notifications;

/// <summary>
/// When a new opened or resolved alert mail goes, with a leading edge: the first of a store's alerts to a person after a
/// quiet spell goes at once (mail is how a store manager learns fast, and most alerts come alone); one that follows within
/// <see cref="MailOptions.DigestSeconds"/> waits, and every follower due together goes as one digest
/// (<see cref="MailDigest"/>) — so twenty terminals going offline are two mails, the first at once. A stream is one
/// person, one store and one event (opened or resolved); its mails go at most once a window after the first.
/// </summary>
public static class MailPace
{
    public static DateTimeOffset DueAt(FleetDbContext db, long subscriptionId, string type, string storeCode, DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero) return now;
        // A held mail is due at most one window after it was made, so older rows say nothing about the last window.
        var sinceMs = (now - window - window).ToUnixTimeMilliseconds();
        var stream = db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.MailSubscriptionId == subscriptionId && d.Type == type && d.CreatedAtMs >= sinceMs).AsEnumerable()
            .Concat(db.WebhookDeliveries.Local.Where(d => d.MailSubscriptionId == subscriptionId && d.Type == type)) // this change's own
            .Where(d => MailDigest.Read(d).StoreCode == storeCode)
            .ToList();
        var nowMs = now.ToUnixTimeMilliseconds();
        var pending = WebhookDeliveryStatus.Pending.ToWire();
        // A follower already waiting: go with it (a retry in back-off is not one — it waits on a failing server).
        if (stream.Where(d => d.Status == pending && d.Attempts == 0 && d.NextAttemptAtMs > nowMs).MinBy(d => d.NextAttemptAtMs) is { } waiting)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(waiting.NextAttemptAtMs!.Value);
        }
        // When the stream's last mail went (or goes); a window after it the next may go.
        var lastMs = stream.Select(d => d.Status == pending ? d.NextAttemptAtMs ?? d.CreatedAtMs : d.LastAttemptAtMs ?? d.CreatedAtMs).DefaultIfEmpty(long.MinValue).Max();
        var next = lastMs == long.MinValue ? now : DateTimeOffset.FromUnixTimeMilliseconds(lastMs) + window;
        return next > now ? next : now;
    }
}
