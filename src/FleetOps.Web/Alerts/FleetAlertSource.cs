using FleetOps.Core.Alerts;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Offline terminals, terminals with unstable power of their own, and weak batteries. A terminal whose losses the
/// store-wide rule blames on the store raises no device alert: the store's outage is one incident
/// (<see cref="PowerOutageAlertSource"/>), not one alert per terminal.
/// </summary>
public sealed class FleetAlertSource(FleetState fleet) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.Offline, AlertKind.UnstablePower, AlertKind.BatteryWeak };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now)
    {
        foreach (var t in fleet.All)
        {
            var assessment = t.Assessment;
            if (assessment.Connectivity == Connectivity.Offline)
            {
                var since = fleet.OfflineAt(t) ?? now;
                yield return new AlertCondition(new AlertSubject(AlertKind.Offline, t.StoreCode, t.TerminalId), AlertSeverity.Warning, since);
            }
            if (assessment.Power == PowerStatus.Unstable && assessment.LikelyCause != LikelyCause.Store)
            {
                yield return new AlertCondition(new AlertSubject(AlertKind.UnstablePower, t.StoreCode, t.TerminalId), AlertSeverity.Warning,
                    assessment.LastLossAt ?? now);
            }
            // A battery that no longer carries the terminal through an outage: the next one interrupts the sale in progress.
            if (assessment.Battery.Status == BatteryStatus.Weak)
            {
                yield return new AlertCondition(new AlertSubject(AlertKind.BatteryWeak, t.StoreCode, t.TerminalId), AlertSeverity.Warning,
                    assessment.Battery.MeasuredAt ?? now);
            }
        }
    }
}
