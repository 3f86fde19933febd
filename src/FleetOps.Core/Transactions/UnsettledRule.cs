using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// The detection rules for unsettled transactions, as a pure function of the transaction, the terminal's power
/// losses and the time, so a timer can fire exactly at the next deadline and tests can drive time:
/// - incomplete: authorised/signed and not completed, voided, reversed or declined within the completion timeout;
/// - interrupted_by_power_loss: incomplete, and the terminal lost power after the authorisation and before the
///   completion deadline (docs/api.md §3); a loss hours later does not explain the sale: it stays incomplete, an
///   operator or system failure that the training figures count;
/// - not_settled: completed and not settled within the settle limit;
/// - authorization_expiring: still not settled, and authorised longer ago than the warning age.
/// A transaction leaves by itself when settled, reversed, voided (or declined) arrives. A reversal after a power
/// loss means the customer was refunded but the sale itself was lost: it has to be run again.
/// </summary>
public static class UnsettledRule
{
    public static UnsettledVerdict Evaluate(TransactionRecord record, IReadOnlyList<PowerLoss> powerLosses, DateTimeOffset now, DetectionOptions options)
    {
        var authorizedAt = record.AuthorizedAt;
        if (record.IsClosed)
        {
            return new UnsettledVerdict(null, null, SaleLost(record, powerLosses));
        }
        var expiresAt = authorizedAt + TimeSpan.FromDays(options.AuthorizationExpiryWarningDays);
        if (now >= expiresAt)
        {
            return new UnsettledVerdict(UnsettledReason.AuthorizationExpiring, null, false);
        }
        if (record.At(TransactionStage.Completed) is { } completedAt)
        {
            var settleBy = completedAt + TimeSpan.FromHours(options.SettleWithinHours);
            return now >= settleBy
                ? new UnsettledVerdict(UnsettledReason.NotSettled, expiresAt, false)
                : new UnsettledVerdict(null, Earlier(settleBy, expiresAt), false);
        }
        var completeBy = authorizedAt + TimeSpan.FromSeconds(options.CompletionTimeoutSeconds);
        if (now < completeBy)
        {
            return new UnsettledVerdict(null, completeBy, false);
        }
        var interrupted = Interrupted(authorizedAt, completeBy, powerLosses);
        return new UnsettledVerdict(interrupted ? UnsettledReason.InterruptedByPowerLoss : UnsettledReason.Incomplete, expiresAt, false);
    }

    /// <summary>
    /// A terminal sends its automatic reversal while booting, often before the first heartbeat that reveals the
    /// reboot; a loss recognised this soon after the reversal still explains it.
    /// </summary>
    public static readonly TimeSpan RebootReversalGrace = TimeSpan.FromMinutes(5);

    /// <summary>Reversed after the terminal lost power between authorisation and reversal: refunded, but the goods may have left.</summary>
    public static bool SaleLost(TransactionRecord record, IReadOnlyList<PowerLoss> powerLosses)
    {
        if (record.At(TransactionStage.Reversed) is not { } reversedAt || record.Has(TransactionStage.Completed)) return false;
        var authorizedAt = record.AuthorizedAt;
        return powerLosses.Any(loss => loss.MayFallWithin(authorizedAt, reversedAt + RebootReversalGrace));
    }

    /// <summary>Power failed after the authorisation and before the completion deadline: the sale could not be finished.</summary>
    public static bool Interrupted(DateTimeOffset authorizedAt, DateTimeOffset completeBy, IReadOnlyList<PowerLoss> powerLosses)
    {
        foreach (var loss in powerLosses)
        {
            if (loss.MayFallWithin(authorizedAt, completeBy)) return true;
        }
        return false;
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
