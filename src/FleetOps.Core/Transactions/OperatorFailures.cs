namespace FleetOps.Core.Transactions;

/// <summary>
/// Failures per store and day. Each column is a local date when every listed store shares one time zone, else only how
/// many days ago (0 = today); the page words them in its language.
/// </summary>
public sealed record OperatorFailures(IReadOnlyList<(DateOnly? Date, int DaysAgo)> Days, IReadOnlyList<OperatorFailureRow> Rows)
{
    public const int DayCount = 7;
}
