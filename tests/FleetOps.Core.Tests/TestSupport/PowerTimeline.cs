using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Tests.TestSupport;

/// <summary>Power histories written in minutes from one moment: heartbeats of a boot and power events, applied in order.</summary>
internal static class PowerTimeline
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Min(double minutes) => T0.AddMinutes(minutes);

    public static HeartbeatEvent Beat(string id, double minutes, string bootId) =>
        new(id, Min(minutes), bootId, 60, "3.2.1", "1.8.0", PowerSource.Mains);

    public static PowerEvent Power(string id, double minutes, PowerState state) => new(id, Min(minutes), state);

    public static PowerHistory Apply(IEnumerable<TelemetryEvent> events) =>
        events.Aggregate(PowerHistory.Empty, (history, e) => history.With(e));
}
