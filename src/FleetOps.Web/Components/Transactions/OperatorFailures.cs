namespace FleetOps.Web.Components.Transactions;

public sealed record OperatorFailures(IReadOnlyList<string> Days, IReadOnlyList<OperatorFailureRow> Rows)
{
    public const int DayCount = 7;
}
