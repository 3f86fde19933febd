namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/stores/{code}/staff</c> (docs/api.md §9).</summary>
public sealed record StaffRequest(string? Name, string? Role, DateOnly? StartedOn);
