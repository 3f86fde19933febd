using System.Text.Json;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Localization;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The e-mail side of the outbox (<see cref="WebhookOutbox"/> is the other): for every announced change of an alert not
/// muted, one mail per person whose subscription is on, matches the alert, and whose scope holds the alert's store now
/// — a store manager never gets another store's alerts, and one moved to another store gets that store's from then on
/// (<see cref="MailTransport"/> asks again at every attempt).
/// Written in the transaction of the change, in the person's written language, paced by <see cref="MailPace"/>; sent by the <see cref="NotificationSender"/>.
/// Nothing is written while mail is off (<see cref="MailOptions.IsEnabled"/>).
/// </summary>
public sealed class MailOutbox(
    AlertBook book, StoreDirectory stores, UserDirectory users, IOptions<MailOptions> mail, IOptions<LanguageOptions> languages) : IAlertTransitionSink
{
    public void Add(FleetDbContext db, IReadOnlyList<AlertChange> saved, DateTimeOffset now)
    {
        if (!mail.Value.IsEnabled) return;
        var announced = WebhookMessage.Announced(saved, book, now);
        if (announced.Count == 0) return;
        var subscriptions = db.MailSubscriptions.AsNoTracking().Where(s => s.Enabled).AsEnumerable().Select(MailSubscription.From).ToList();
        foreach (var subscription in subscriptions)
        {
            if (users.Get(subscription.UserId) is not { Disabled: false } user) continue;
            IReadOnlyList<WebhookDeliveryRow>? recent = null; // read when the first mail that is paced needs it
            foreach (var (alert, type) in announced.Where(a => subscription.Interest.Matches(a.Alert) && user.Scope.AllowsStore(a.Alert.StoreCode, stores)))
            {
                // Who acknowledged knows it: a mail about their own click only adds to the inbox.
                if (type == WebhookMessage.Acknowledged && string.Equals(alert.AcknowledgedBy, user.Email, StringComparison.OrdinalIgnoreCase)) continue;
                var content = MailText.Alert(user, languages.Value.ForReader(user.WrittenCulture), type, alert, stores.Get(alert.StoreCode), now,
                    mail.Value.PublicBaseUrl, users.DisplayNameOf(alert.AcknowledgedBy));
                var row = Delivery(subscription.Id, type, alert.Id, content, now);
                // The first of a store's alerts goes at once; those following it within the window go together (MailPace).
                if (content is { Entry: not null, StoreCode: { } store })
                {
                    recent ??= MailPace.Recent(db, subscription.Id, now, mail.Value.DigestWindow);
                    row.NextAttemptAtMs = MailPace.DueAt(db, recent, subscription.Id, type, store, now, mail.Value.DigestWindow).ToUnixTimeMilliseconds();
                }
                db.WebhookDeliveries.Add(row);
            }
        }
    }

    public static WebhookDeliveryRow Delivery(long subscriptionId, string type, long? alertId, MailContent content, DateTimeOffset now)
    {
        var row = WebhookMessage.Queued(type, alertId, JsonSerializer.Serialize(content), now);
        row.MailSubscriptionId = subscriptionId;
        return row;
    }
}
