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
    /// <summary>
    /// The person's alert mails that can bear on the pace now, read once per change (not once per alert of a flood): a held
    /// mail is due at most one window after it was made, so older rows say nothing about the last window.
    /// </summary>
    public static IReadOnlyList<WebhookDeliveryRow> Recent(FleetDbContext db, long subscriptionId, DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero) return []; // no window, no pace: every mail goes at once
        var sinceMs = (now - window - window).ToUnixTimeMilliseconds();
        return db.WebhookDeliveries.AsNoTracking().Where(d => d.MailSubscriptionId == subscriptionId && d.CreatedAtMs >= sinceMs).ToList();
    }

    /// <param name="recent">The person's <see cref="Recent"/> mails; this change's own rows are read from the context.</param>
    public static DateTimeOffset DueAt(FleetDbContext db, IReadOnlyList<WebhookDeliveryRow> recent, long subscriptionId, string type, string storeCode,
        DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero) return now;
        var stream = recent.Concat(db.WebhookDeliveries.Local.Where(d => d.MailSubscriptionId == subscriptionId)) // this change's own
            .Where(d => d.Type == type && MailDigest.Read(d).StoreCode == storeCode)
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
