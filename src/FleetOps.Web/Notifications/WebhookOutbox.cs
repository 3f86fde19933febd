using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Api;
using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The webhook outbox's writer: for every announced change (opened or reopened, acknowledged, resolved) of an alert
/// that is not muted, one delivery row per matching subscription, in the transaction that saves the change — so a
/// crash can neither lose a notification nor send one for a change that was rolled back. It only writes rows; the
/// <see cref="NotificationSender"/> sends them on its own, so no receiver can slow the alert service, let alone ingest.
/// </summary>
public sealed class WebhookOutbox(AlertBook book, StoreDirectory stores, IOptions<JsonOptions> json) : IAlertTransitionSink
{
    public void Add(FleetDbContext db, IReadOnlyList<AlertChange> saved, DateTimeOffset now)
    {
        var announced = WebhookMessage.Announced(saved, book, now);
        if (announced.Count == 0) return;
        // Read in this transaction (few rows): a subscription made a moment ago on another node counts too.
        var hooks = db.Webhooks.AsNoTracking().AsEnumerable().Select(WebhookSubscription.From).ToList();
        foreach (var (alert, type) in announced)
        {
            var matching = hooks.Where(h => h.Matches(alert)).ToList();
            if (matching.Count == 0) continue;
            var dto = AlertDto.From(alert, muted: false);
            var zone = StoreTime.Find(stores.Get(alert.StoreCode)?.TimeZone) ?? TimeZoneInfo.Utc;
            foreach (var hook in matching) db.WebhookDeliveries.Add(WebhookMessage.Delivery(hook, type, dto, zone, now, json.Value.SerializerOptions));
        }
    }
}
