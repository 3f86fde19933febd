namespace FleetOps.Web.Reconciliation;

/// <summary>
/// One settlement/booking day of one acquirer on the reconciliation page (issue 16 item 3). <see cref="Sales"/> counts
/// every settled sale of that store-local settlement day, whether a report has reached it or not; credited, outstanding
/// (proven not credited) and mismatches count the ones the reports judged, and <see cref="AwaitingReport"/> the rest —
/// no imported report has covered their credit days yet, so nothing is known of their credit. The money is per
/// currency, from the lines booked that day: gross credited, fees, net (gross − refunds and chargebacks − fees).
/// </summary>
public sealed record ReconciliationDay(
    DateOnly Day,
    string Acquirer,
    int Sales,
    int Credited,
    int Outstanding,
    int Mismatches,
    int AwaitingReport,
    IReadOnlyList<ReconciliationMoney> Money)
{
    /// <summary>
    /// Credited sales over the sales a report judged (0–1); null on a day without any (no point on the chart): a day
    /// whose report has not come is unknown, not uncredited.
    /// </summary>
    public double? CreditedRate => Sales - AwaitingReport <= 0 ? null : (double)Credited / (Sales - AwaitingReport);
}
