namespace FleetOps.Core.Maintenance;

/// <summary>
/// The maintenance KPIs of [<see cref="From"/>, <see cref="To"/>) (<see cref="MaintenanceKpis.Compute"/>): per day or,
/// for long periods, per week (<see cref="Weekly"/>) in <see cref="Zone"/>; in total, per region and per technician.
/// </summary>
public sealed record KpiReport(
    DateTimeOffset From,
    DateTimeOffset To,
    TimeZoneInfo Zone,
    bool Weekly,
    IReadOnlyList<KpiBucket> Buckets,
    KpiFigures Total,
    IReadOnlyList<KpiRow> Regions,
    IReadOnlyList<KpiRow> Technicians);
