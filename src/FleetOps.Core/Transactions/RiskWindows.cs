using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// When a transaction's money was at risk (unsettled), looking back: at a time T it was when it was not closed by T
/// (no settled, reversed, voided or declined stage at or before T) and either it was not completed by T and the
/// completion timeout had passed, or it was completed at C ≤ T and the settle limit after C had passed — or, as
/// <see cref="UnsettledRule"/> says, its authorisation was about to expire. These are the rule's answers for every
/// moment at once, so a chart of the past agrees with today's worklist. A record has at most two windows: before a late
/// completion, and after a missed settle limit.
/// </summary>
public static class RiskWindows
{
    public static IReadOnlyList<RiskWindow> Of(TransactionRecord record, DetectionOptions options)
    {
        if (record.Stages.IsEmpty) return [];
        // One pass over the stages (sorted by time, so the first of a kind is the earliest): pages run this for every
        // open sale of the scope on each render.
        DateTimeOffset? authorized = null, completed = null, closedAt = null;
        foreach (var s in record.Stages)
        {
            switch (s.Stage)
            {
                case TransactionStage.Authorized: authorized ??= s.At; break;
                case TransactionStage.Completed: completed ??= s.At; break;
                case TransactionStage.Settled or TransactionStage.Reversed or TransactionStage.Voided or TransactionStage.Declined:
                    closedAt ??= s.At;
                    break;
            }
        }
        var authorizedAt = authorized ?? record.Stages[0].At; // as TransactionRecord.AuthorizedAt
        var expiresAt = authorizedAt + TimeSpan.FromDays(options.AuthorizationExpiryWarningDays);
        var completeBy = authorizedAt + TimeSpan.FromSeconds(options.CompletionTimeoutSeconds);
        var windows = new List<RiskWindow>(2);

        if (completed is not { } completedAt)
        {
            Add(windows, Earlier(completeBy, expiresAt), closedAt);
            return windows;
        }
        // Not completed yet: at risk from the completion timeout until the (late) completion.
        var lateFrom = Earlier(completeBy, expiresAt);
        if (lateFrom < completedAt) Add(windows, lateFrom, Earlier(completedAt, closedAt));
        // Completed: at risk once the settle limit (or the authorisation's expiry warning) has passed.
        var settleBy = completedAt + TimeSpan.FromHours(options.SettleWithinHours);
        Add(windows, Later(completedAt, Earlier(settleBy, expiresAt)), closedAt);
        return windows;
    }

    /// <summary>
    /// A settled sale the acquirer's reports prove was not credited (PROTOCOL §11): its money has been at risk since the
    /// terminal settled it, and still is — so the trend counts what the worklist and the money-at-risk figure count.
    /// </summary>
    public static IReadOnlyList<RiskWindow> NotCredited(TransactionRecord record) =>
        record.Stages.FirstOrDefault(s => s.Stage == TransactionStage.Settled) is { } settled ? [new RiskWindow(settled.At, null)] : [];

    /// <summary>Whether the transaction's money was at risk at <paramref name="at"/>.</summary>
    public static bool AtRisk(TransactionRecord record, DateTimeOffset at, DetectionOptions options) =>
        Of(record, options).Any(w => w.Contains(at));

    /// <summary>The earliest closing stage: settled, reversed, voided or declined; null while open.</summary>
    public static DateTimeOffset? ClosedAt(TransactionRecord record) =>
        record.Stages.FirstOrDefault(s => s.Stage is TransactionStage.Settled or TransactionStage.Reversed
            or TransactionStage.Voided or TransactionStage.Declined)?.At;

    private static void Add(List<RiskWindow> windows, DateTimeOffset from, DateTimeOffset? until)
    {
        if (until is null || from < until) windows.Add(new RiskWindow(from, until));
    }

    private static DateTimeOffset? Earlier(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v < a ? v : a;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
