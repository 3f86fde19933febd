using FleetOps.Core.Alerts;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Software findings (issue 13): a terminal below its model's minimum (<c>unsupported_software</c>, critical: the
/// acquirer may refuse its payments) and one still behind the target <c>FleetOps:Software:UpdateOverdueDays</c> after the
/// target was set (<c>update_overdue</c>). Both clear by themselves once the terminal reports the new version.
/// </summary>
public sealed class SoftwareAlertSource(FleetState fleet, IOptions<SoftwareOptions> options) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.UnsupportedSoftware, AlertKind.UpdateOverdue };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now)
    {
        var overdueAfter = options.Value.UpdateOverdue;
        foreach (var t in fleet.All)
        {
            if (t.Assessment.Software is not (SoftwareStatus.Outdated or SoftwareStatus.Unsupported) || t.Registration.Decommissioned) continue;
            var target = fleet.TargetFor(t.Model);
            if (t.Assessment.Software == SoftwareStatus.Unsupported)
            {
                yield return new AlertCondition(new AlertSubject(AlertKind.UnsupportedSoftware, t.StoreCode, t.TerminalId), AlertSeverity.Critical,
                    SoftwareLag.BehindSince(t, target) ?? now);
            }
            if (SoftwareLag.IsOverdue(t, target, now, overdueAfter))
            {
                yield return new AlertCondition(new AlertSubject(AlertKind.UpdateOverdue, t.StoreCode, t.TerminalId), AlertSeverity.Warning,
                    target!.SetAt!.Value + overdueAfter);
            }
        }
    }
}
