using FleetOps.Core.Alerts;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>A person's e-mail notifications: on or off, and which alerts (<see cref="AlertInterest"/>). Id 0: never saved.</summary>
public sealed record MailSubscription(long Id, string UserId, bool Enabled, AlertInterest Interest)
{
    /// <summary>What a person who never saved theirs sees: off, and every kind from warning up once they turn it on.</summary>
    public static MailSubscription Default(string userId) => new(0, userId, false, AlertInterest.Everything with { MinSeverity = AlertSeverity.Warning });

    public static MailSubscription From(MailSubscriptionRow row) =>
        new(row.Id, row.UserId, row.Enabled, AlertInterest.FromWire(row.Kinds, row.MinSeverity));
}
