namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/workorders/{id}/schedule</c>: the technician (their e-mail) and the booking.</summary>
public sealed record ScheduleRequest(string? Assignee, DateTimeOffset? Start, DateTimeOffset? End);
