using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>One day or week of the maintenance KPIs: the local date it starts on, the instants it covers, and its counts.</summary>
public sealed record KpiIntervalDto(DateOnly Start, DateTimeOffset From, DateTimeOffset To, int Planned, int Done, int Overdue)
{
    public static KpiIntervalDto Of(KpiBucket b) => new(b.Start, b.From, b.To, b.Planned, b.Done, b.Overdue);
}
