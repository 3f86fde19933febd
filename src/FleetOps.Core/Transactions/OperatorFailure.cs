using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Whether a sale counts as an operator-caused failure (issue 4, for the training work): it was authorised, never
/// completed, and stayed open past the completion timeout (it was "incomplete") — and no power loss explains it: none fell
/// between the authorisation and the completion deadline, and the terminal did not reverse it after one (a lost sale). This
/// counts the sale whether it is still open or was voided or reversed afterwards, so a store's count does not shrink
/// when staff tidy up; the live verdict's <see cref="UnsettledVerdict.OperatorCaused"/> is the same rule for open sales.
/// </summary>
public static class OperatorFailure
{
    public static bool Was(TransactionRecord record, IReadOnlyList<PowerLoss> powerLosses, DateTimeOffset now, DetectionOptions options)
    {
        if (record.Has(TransactionStage.Completed) || record.Has(TransactionStage.Settled)) return false;
        var authorizedAt = record.AuthorizedAt;
        var completeBy = authorizedAt + TimeSpan.FromSeconds(options.CompletionTimeoutSeconds);
        DateTimeOffset? closedAt = null; // the first undoing stage (a plain loop: this runs for every open sale on every page build)
        foreach (var s in record.Stages)
        {
            if (s.Stage is TransactionStage.Voided or TransactionStage.Reversed or TransactionStage.Declined && (closedAt is null || s.At < closedAt)) closedAt = s.At;
        }
        var end = closedAt ?? now;
        if (end < completeBy) return false; // undone in time, or not due yet
        // Interrupted by a power loss before the deadline, or reversed by the terminal after one (a lost sale): not the staff.
        return !UnsettledRule.Interrupted(authorizedAt, completeBy, powerLosses) && !UnsettledRule.SaleLost(record, powerLosses);
    }
}
