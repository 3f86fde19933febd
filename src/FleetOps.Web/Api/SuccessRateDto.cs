using FleetOps.Core.Transactions;

namespace FleetOps.Web.Api;

/// <summary>The success-rate answer: the window's days (every store shown added up) and each store's totals, worst first.</summary>
public sealed record SuccessRateDto(DateOnly From, DateOnly To, SaleCountsDto Total, IReadOnlyList<SuccessRateDayDto> Days,
    IReadOnlyList<SuccessRateStoreDto> Stores)
{
    public static SuccessRateDto Of(SuccessRateReport report) => new(
        report.Dates.Count == 0 ? default : report.Dates[0],
        report.Dates.Count == 0 ? default : report.Dates[^1],
        SaleCountsDto.From(report.Total),
        report.Dates.Select((date, i) => new SuccessRateDayDto(date,
            SaleCountsDto.From(report.Lines.Aggregate(default(SaleCounts), (sum, line) => sum + line.PerDay[i])))).ToList(),
        report.Stores.Select(s => new SuccessRateStoreDto(s.StoreCode, s.Store?.Name, s.Store?.Region, SaleCountsDto.From(s.Counts))).ToList());
}
