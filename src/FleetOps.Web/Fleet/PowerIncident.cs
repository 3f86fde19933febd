using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>A store power incident with the payments it interrupted (sales the book now lists as <c>interrupted_by_power_loss</c>).</summary>
public sealed record PowerIncident(StorePowerIncident Incident, int PaymentsInterrupted)
{
    public string Id => Incident.Id;
    public string StoreCode => Incident.StoreCode;
}
