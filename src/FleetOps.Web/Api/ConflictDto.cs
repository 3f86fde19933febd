namespace FleetOps.Web.Api;

public sealed record ConflictDto(long Id, string Title, DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd);
