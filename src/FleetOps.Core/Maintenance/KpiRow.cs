namespace FleetOps.Core.Maintenance;

/// <summary>The figures of one region or one technician; <see cref="Key"/> is null for work not assigned to anyone.</summary>
public sealed record KpiRow(string? Key, KpiFigures Figures);
