namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/workorders/{id}/complete</c>: the checklist's results and who signed off.</summary>
public sealed record CompleteRequest(IReadOnlyList<ResultRequest>? Results, string? SignedBy);
