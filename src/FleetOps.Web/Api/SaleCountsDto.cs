using FleetOps.Core.Transactions;

namespace FleetOps.Web.Api;

/// <summary>
/// Sales started and completed and operator-caused failures, with the rates worked out (<c>successRate</c> 0–1;
/// both null without a started sale).
/// </summary>
public sealed record SaleCountsDto(int Started, int Completed, int OperatorFailures, double? SuccessRate, double? FailuresPerThousand)
{
    public static SaleCountsDto From(SaleCounts counts) => new(counts.Started, counts.Completed, counts.OperatorFailures,
        counts.SuccessRate is { } rate ? Math.Round(rate, 4) : null,
        counts.FailuresPerThousand is { } perThousand ? Math.Round(perThousand, 2) : null);
}
