namespace FleetOps.Web.Persistence;

/// <summary>
/// Rows buffered and written many to a statement (issue 16: a million settlement lines): <see cref="BatchedInsert"/>
/// binds one parameter a value, <see cref="JsonRowsInsert"/> sends a batch as one JSON parameter (SQLite).
/// </summary>
internal interface IRowBatch : IDisposable
{
    /// <summary>Adds one row, its values in the statement's column order; writes the batch when it is full.</summary>
    Task AddAsync(CancellationToken cancellationToken, params object[] row);

    /// <summary>Writes the rows still buffered.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
