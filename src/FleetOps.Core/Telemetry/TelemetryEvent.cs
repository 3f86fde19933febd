namespace FleetOps.Core.Telemetry;

/// <summary>One validated event from a terminal. Only values that passed the card-number guard get here.</summary>
public abstract record TelemetryEvent(string Id, DateTimeOffset At)
{
    public abstract EventType Type { get; }

    /// <summary>The short fact shown on a timeline and indexed in storage: boot id, power state or transaction stage.</summary>
    public abstract string Detail { get; }
}
