namespace FleetOps.Core.Transactions;

/// <summary>
/// Sales of a store or a region over some days (issue 15, item 8): started (reached <c>authorized</c>), completed (the
/// customer got the goods: <c>completed</c> or <c>settled</c>) and operator-caused failures (<see cref="OperatorFailure"/>).
/// Counts add up, so a region's day is the sum of its stores' days and a period the sum of its days.
/// </summary>
public readonly record struct SaleCounts(int Started, int Completed, int OperatorFailures)
{
    /// <summary>Completed ÷ started; null without a started sale (no sale is not a 0 % success).</summary>
    public double? SuccessRate => Started == 0 ? null : (double)Completed / Started;

    /// <summary>Operator-caused failures per 1,000 started sales; null without a started sale.</summary>
    public double? FailuresPerThousand => Started == 0 ? null : OperatorFailures * 1000.0 / Started;

    public static SaleCounts operator +(SaleCounts a, SaleCounts b) =>
        new(a.Started + b.Started, a.Completed + b.Completed, a.OperatorFailures + b.OperatorFailures);

    public static SaleCounts operator -(SaleCounts a, SaleCounts b) =>
        new(a.Started - b.Started, a.Completed - b.Completed, a.OperatorFailures - b.OperatorFailures);
}
