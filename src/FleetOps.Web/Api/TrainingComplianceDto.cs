using FleetOps.Core.Training;

namespace FleetOps.Web.Api;

/// <summary>One store's (or, in <c>regions</c>, one region's) training compliance (docs/api.md §9); <c>region</c> is FleetOps's addition.</summary>
public sealed record TrainingComplianceDto(string? StoreCode, string? Region, int Staff, int Current, int DueSoon, int Overdue, int NeverTrained,
    double PercentCurrent, int OperatorFailures30d, bool TrainingRecommended)
{
    public static TrainingComplianceDto From(string? storeCode, string? region, ComplianceTally t, int failures, bool recommended) =>
        new(storeCode, region, t.Staff, t.Current, t.DueSoon, t.Overdue, t.NeverTrained, t.PercentCurrent, failures, recommended);
}
