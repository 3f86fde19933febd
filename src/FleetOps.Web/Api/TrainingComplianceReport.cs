namespace FleetOps.Web.Api;

/// <summary><c>GET /api/v1/training/compliance</c>: <c>stores</c> as docs/api.md §9; <c>regions</c> (their sums) is FleetOps's addition.</summary>
public sealed record TrainingComplianceReport(IReadOnlyList<TrainingComplianceDto> Stores, IReadOnlyList<TrainingComplianceDto> Regions);
