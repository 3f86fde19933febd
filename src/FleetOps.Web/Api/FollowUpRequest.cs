namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/workorders/{id}/followups</c>: the flagged checklist item to follow up (FleetOps addition).</summary>
public sealed record FollowUpRequest(string? Item);
