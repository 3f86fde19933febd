using FleetOps.Core.Alerts;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Something that must hear of every alert change in the same database transaction as the change itself — the webhook
/// outbox: a delivery is written with the alert it announces, so a crash between the two cannot lose or invent one.
/// <see cref="AlertService"/> calls every registered sink after the alerts have their ids and before the commit.
/// </summary>
public interface IAlertTransitionSink
{
    void Add(FleetDbContext db, IReadOnlyList<AlertChange> saved, DateTimeOffset now);
}
