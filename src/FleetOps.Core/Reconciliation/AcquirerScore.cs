namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One acquirer's line on the scorecard (issue 16): how many days credits take (median and 95th percentile, null
/// without any credited sale), the share of its sales never credited or credited wrong (0–1, 0 without sales), and
/// the fees per currency.
/// </summary>
public sealed record AcquirerScore(
    string Acquirer,
    int Sales,
    int Credited,
    int? MedianDelayDays,
    int? P95DelayDays,
    int NeverCredited,
    int CreditedWrong,
    IReadOnlyList<AcquirerFees> Fees)
{
    public double NeverCreditedShare => Sales == 0 ? 0 : (double)NeverCredited / Sales;

    public double CreditedWrongShare => Sales == 0 ? 0 : (double)CreditedWrong / Sales;
}
