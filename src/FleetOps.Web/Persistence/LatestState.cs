using System.Text.Json;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Persistence;

/// <summary>The latest-state columns of a terminal, stored as one JSON value.</summary>
public sealed record LatestState(HeartbeatFacts? Heartbeat, PowerSource? PowerSource, int? BatteryPercent, DateTimeOffset? PowerFactsAt)
{
    public static LatestState Of(TerminalSnapshot s) => new(s.Heartbeat, s.PowerSource, s.BatteryPercent, s.PowerFactsAt);

    public string ToJson() => JsonSerializer.Serialize(this, TelemetryJson.Options);

    public static LatestState? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<LatestState>(json, TelemetryJson.Options);
}
