using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

public sealed record PowerEvent(string Id, DateTimeOffset At, PowerState State, int? BatteryPercent = null)
    : TelemetryEvent(Id, At)
{
    public override EventType Type => EventType.Power;
    public override string Detail => State.ToWire();

    /// <summary>Loss of supply as the detection rules count it (docs/api.md §3).</summary>
    public bool IsLoss => State is PowerState.Lost or PowerState.Brownout;
}
