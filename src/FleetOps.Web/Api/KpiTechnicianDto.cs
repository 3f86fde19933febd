namespace FleetOps.Web.Api;

/// <summary>One technician's maintenance figures (<c>assignee</c> is their e-mail; null for work nobody was booked for).</summary>
public sealed record KpiTechnicianDto(string? Assignee, string? DisplayName, KpiFiguresDto Figures);
