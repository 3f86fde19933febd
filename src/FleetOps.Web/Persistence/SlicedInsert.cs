using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>
/// SQLite's way to write a million rows without holding its one write lock for long (issue 16, settlement lines): the
/// rows go in as <see cref="JsonRowsInsert"/> batches inside a transaction that <see cref="FlushAsync"/> commits, and
/// that commits by itself after <c>rowsPerSlice</c> rows. Between two slices the event writer takes the lock, so a
/// heartbeat waits for one slice (a fraction of a second), not for the whole import. The rows are visible to every
/// reader as soon as their slice commits: the caller makes them mean nothing until it is done (the settlement lines
/// belong to a report still marked importing). While a slice is open, nothing else may run on the connection (Microsoft.Data.Sqlite
/// refuses a command outside the connection's transaction): flush before the connection is used for anything else.
/// Disposing rolls back a slice not yet committed.
/// </summary>
internal sealed class SlicedInsert(DbConnection connection, string head, int columns, int rowsPerBatch, int rowsPerSlice) : IRowBatch
{
    private DbTransaction? _transaction;
    private JsonRowsInsert? _batch;
    private int _rows;

    public async Task AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        if (_batch is null)
        {
            _transaction = await connection.BeginTransactionAsync(cancellationToken);
            _batch = new JsonRowsInsert(connection, _transaction, head, "", columns, rowsPerBatch);
        }
        await _batch.AddAsync(cancellationToken, row);
        if (++_rows == rowsPerSlice) await FlushAsync(cancellationToken);
    }

    /// <summary>Writes the rows still buffered and commits the slice.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is null) return;
        await _batch.FlushAsync(cancellationToken);
        await _transaction!.CommitAsync(cancellationToken);
        End();
    }

    public void Dispose() => End();

    private void End()
    {
        _batch?.Dispose();
        _transaction?.Dispose();
        (_batch, _transaction, _rows) = (null, null, 0);
    }
}
