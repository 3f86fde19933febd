using System.Runtime.CompilerServices;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The closed sales authorised since a moment, for the success-rate history, read from the <c>Transactions</c> columns. A
/// settled sale was completed and caused no failure, which its columns say: only the others (declined, voided, reversed —
/// a small share) carry their record, to be judged. The range is an index range on <c>(Closed, AuthorizedAtMs)</c>.
/// </summary>
public static class ClosedSales
{
    public static async IAsyncEnumerable<ClosedSaleRow> SinceAsync(FleetDbContext db, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        var settled = TransactionStage.Settled.ToWire();
        var rows = db.Transactions.AsNoTracking()
            .Where(t => t.Closed && t.AuthorizedAtMs >= sinceMs)
            .Select(t => new
            {
                t.TerminalId, t.TransactionId, t.StoreCode, t.AuthorizedAtMs, t.UpdatedAtMs,
                Json = t.LastStage == settled ? null : t.RecordJson,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var record = row.Json is null ? null : TransactionJson.Deserialize(row.Json);
            if (row.Json is not null && record is null) continue; // unreadable: counted nowhere rather than guessed
            yield return new ClosedSaleRow(row.TerminalId, row.TransactionId, row.StoreCode, row.AuthorizedAtMs, row.UpdatedAtMs, record);
        }
    }
}
