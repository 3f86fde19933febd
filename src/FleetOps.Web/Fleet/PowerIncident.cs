using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Fleet;

/// <summary>
/// A store power incident with the payments it interrupted: sales the book now lists as <c>interrupted_by_power_loss</c>
/// on an affected terminal, oldest authorisation first. Each one leads to its recovery case (the case page), so an outage
/// is followed from the blackout to the money recovered.
/// </summary>
public sealed record PowerIncident(StorePowerIncident Incident, IReadOnlyList<TrackedTransaction> Interrupted)
{
    public string Id => Incident.Id;
    public string StoreCode => Incident.StoreCode;
    public int PaymentsInterrupted => Interrupted.Count;
}
