namespace FleetOps.Web.Reconciliation;

/// <summary>What the reconciliation page and its API read: the days, the exceptions (newest first, at most a page's worth) and the scorecard.</summary>
public sealed record ReconciliationView(
    IReadOnlyList<ReconciliationDay> Days,
    IReadOnlyList<ReconciliationException> Exceptions,
    int ExceptionCount,
    IReadOnlyList<Core.Reconciliation.AcquirerScore> Scorecard);
