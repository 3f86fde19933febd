namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/workorders/{id}/cancel</c> and <c>/wait</c>: why.</summary>
public sealed record ReasonRequest(string? Reason);
