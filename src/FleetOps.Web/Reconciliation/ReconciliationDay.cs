namespace FleetOps.Web.Reconciliation;

/// <summary>
/// One booking day of one acquirer on the reconciliation page (issue 16 item 3). Sales, credited, outstanding and
/// mismatches count the settled sales of that settlement day the reports judged; the money is per currency, from the
/// lines booked that day: gross credited, fees, net (gross − refunds and chargebacks − fees).
/// </summary>
public sealed record ReconciliationDay(
    DateOnly Day,
    string Acquirer,
    int Sales,
    int Credited,
    int Outstanding,
    int Mismatches,
    IReadOnlyList<ReconciliationMoney> Money)
{
    /// <summary>Credited sales over sales (0–1); null on a day without judged sales (no point on the chart).</summary>
    public double? CreditedRate => Sales == 0 ? null : (double)Credited / Sales;
}
