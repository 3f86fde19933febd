namespace FleetOps.Web.Components.Training;

/// <summary>
/// One line of the compliance chart: a region (or the chosen store) and its % current at each month end; none (a gap) at a
/// month end without staff, where 0 % would read as "nobody trained".
/// </summary>
public sealed record ComplianceLine(string Name, IReadOnlyList<double?> PercentCurrent);
