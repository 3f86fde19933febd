using System.Text.Json.Serialization;

namespace FleetOps.Web.Ingestion;

public sealed record RejectedEvent(int Index, string? Id, string Error);

/// <summary>Target versions are present only when a target is set for the terminal's model (PROTOCOL.md §1).</summary>
public sealed record TelemetryDirectives(
    int HeartbeatIntervalSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TargetAppVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TargetFirmwareVersion);

/// <summary>The 200 answer of <c>POST /api/v1/telemetry</c> (PROTOCOL.md §1).</summary>
public sealed record TelemetryResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected, TelemetryDirectives Directives);
