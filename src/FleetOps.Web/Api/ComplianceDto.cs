namespace FleetOps.Web.Api;

/// <summary><c>GET /api/v1/software/compliance</c>: one line per model the caller can see (docs/api.md §7).</summary>
public sealed record ComplianceDto(IReadOnlyList<ModelComplianceDto> Models);
