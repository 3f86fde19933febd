using FleetOps.Core.Alerts;

namespace FleetOps.Web.Alerts;

/// <summary>How an acknowledgement went: done (with the alert as it is now), no such alert, or already resolved (409).</summary>
public sealed record AcknowledgeResult(Alert? Alert, bool Found)
{
    public bool Resolved => Found && Alert is null;
}
