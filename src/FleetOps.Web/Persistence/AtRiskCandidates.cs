using System.Runtime.CompilerServices;
using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using Microsoft.EntityFrameworkCore;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The closed transactions that may have been at risk since a moment, read from the <c>Transactions</c> columns so that
/// only those few records are deserialised, never the whole table. A closed sale was at risk at some T only if it closed
/// after T, and then only if it stayed open longer than the completion timeout (not completed in time) — or, when it
/// ended settled, longer than the settle limit. That drops the bulk: sales declined or voided at once, and sales
/// settled in time.
/// <para>
/// Left out knowingly: a sale completed late (minutes after the timeout) and then settled in time. It was at risk only
/// between the timeout and its completion, which the columns cannot see; a chart that samples the end of each day almost
/// never falls into those minutes. <c>ClosedAtMs</c> is indexed (migration <c>TransactionsClosedAt</c>), so the database
/// reads only the rows closed since then; no row is deserialised on the way, and the service runs this every ten minutes.
/// </para>
/// </summary>
public static class AtRiskCandidates
{
    public static async IAsyncEnumerable<(TransactionRecord Record, string StoreCode)> ClosedSinceAsync(
        FleetDbContext db, DateTimeOffset since, DetectionOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        var completionMs = (long)(options.CompletionTimeoutSeconds * 1000.0);
        var settleMs = (long)(options.SettleWithinHours * 3_600_000.0);
        var settled = TransactionStage.Settled.ToWire();
        // No condition on Closed: ClosedAtMs is only set on closed rows, and leaving Closed out keeps SQLite from walking
        // the (Closed, AuthorizedAtMs) index for nearly every row.
        var rows = db.Transactions.AsNoTracking()
            .Where(t => t.ClosedAtMs >= sinceMs
                        && t.ClosedAtMs - t.AuthorizedAtMs > (t.LastStage == settled ? settleMs : completionMs))
            .Select(t => new { t.RecordJson, t.StoreCode })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (TransactionJson.Deserialize(row.RecordJson) is { } record) yield return (record, row.StoreCode);
        }
    }
}
