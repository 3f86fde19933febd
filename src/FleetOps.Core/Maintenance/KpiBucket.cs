namespace FleetOps.Core.Maintenance;

/// <summary>
/// One day or week of the KPI charts: the local date it starts on, the instants it covers (clipped to the period), the
/// work due in it (or done in it, when due outside the period), the work done in it, and the work overdue at its end (now, for the interval still running).
/// </summary>
public sealed record KpiBucket(DateOnly Start, DateTimeOffset From, DateTimeOffset To, int Planned, int Done, int Overdue);
