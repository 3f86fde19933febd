using System.Text.Json.Serialization;

namespace FleetOps.Web.Ingestion;

/// <summary>Target versions are present only when a target is set for the terminal's model (docs/api.md §1).</summary>
public sealed record TelemetryDirectives(
    int HeartbeatIntervalSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TargetAppVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TargetFirmwareVersion);
