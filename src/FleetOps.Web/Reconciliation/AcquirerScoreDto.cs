using FleetOps.Web.Api;
using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>One acquirer on <c>GET /api/v1/reconciliation/scorecard</c>: delays in days, shares 0–1, fees in minor units per currency.</summary>
public sealed record AcquirerScoreDto(
    string Acquirer,
    int Sales,
    int Credited,
    int? MedianCreditDays,
    int? P95CreditDays,
    double NeverCreditedShare,
    double CreditedWrongShare,
    IReadOnlyList<AcquirerFeesDto> Fees)
{
    public static AcquirerScoreDto From(AcquirerScore s) => new(s.Acquirer, s.Sales, s.Credited, s.MedianDelayDays, s.P95DelayDays,
        s.NeverCreditedShare, s.CreditedWrongShare, s.Fees.Select(f => new AcquirerFeesDto(f.Currency, f.TotalMinor, f.PerSaleMinor)).ToList());
}
