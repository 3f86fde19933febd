using FleetOps.Core.Alerts;

namespace FleetOps.Web.Alerts;

/// <summary>
/// How an acknowledgement went: done (with the alert as it is now), no such alert, or already resolved (409). An alert
/// acknowledged before is answered as it is, not <see cref="Changed"/>: the first acknowledgement's time and person stay,
/// and robots are not told of it a second time.
/// </summary>
public sealed record AcknowledgeResult(Alert? Alert, bool Found, bool Changed = true)
{
    public bool Resolved => Found && Alert is null;
}
