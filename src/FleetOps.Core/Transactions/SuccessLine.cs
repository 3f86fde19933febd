
namespace FleetOps.Core.Transactions;

/// <summary>One line of the success-rate chart: a region (or the chosen store) and its counts per day of the window.</summary>
public sealed record SuccessLine(string Name, IReadOnlyList<SaleCounts> PerDay)
{
    public SaleCounts Total => PerDay.Aggregate(default(SaleCounts), (sum, day) => sum + day);
}
