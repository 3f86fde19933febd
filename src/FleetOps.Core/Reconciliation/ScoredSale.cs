namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One settled sale as the acquirer scorecard sees it: the day its batch was settled, the booking day of its first
/// right credit (null while none), whether a credit named it wrongly (wrong amount or paid twice), whether it is
/// <c>not_credited</c> by <see cref="NotCreditedRule"/>, and the fees its credits carried. <see cref="Count"/> alike
/// sales may come as one (the figures are grouped by the database): then <see cref="FeeMinor"/> is their total.
/// </summary>
public sealed record ScoredSale(
    string Acquirer,
    DateOnly SettledOn,
    DateOnly? CreditedOn,
    bool CreditedWrong,
    bool NeverCredited,
    long FeeMinor,
    string Currency,
    int Count = 1);
