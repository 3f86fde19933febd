namespace FleetOps.Web.Ingestion;

/// <summary>The 200 answer of <c>POST /api/v1/telemetry</c> (docs/api.md §1).</summary>
public sealed record TelemetryResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected, TelemetryDirectives Directives);
