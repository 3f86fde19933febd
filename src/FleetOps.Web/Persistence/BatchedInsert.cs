using System.Data.Common;
using System.Globalization;
using System.Text;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Many rows in one multi-row <c>INSERT … VALUES (…), (…)</c>, one prepared command reused for every full batch (issue
/// 16: a million settlement lines one statement each spent most of the write in the per-statement round trip). The same
/// SQL on SQLite and PostgreSQL; <paramref name="tail"/> may add an <c>ON CONFLICT</c> clause (then no key may occur
/// twice in one batch). Rows are buffered until a batch is full; <see cref="FlushAsync"/> writes the rest.
/// </summary>
internal sealed class BatchedInsert(DbConnection connection, DbTransaction? transaction, string head, string tail, int columns, int rowsPerBatch)
    : IRowBatch
{
    private readonly object[] _values = new object[columns * rowsPerBatch];
    private int _rows;
    private DbCommand? _full;

    public async Task AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        row.CopyTo(_values, _rows * columns);
        if (++_rows == rowsPerBatch) await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0) return;
        var command = _rows == rowsPerBatch ? _full ??= Build(rowsPerBatch) : Build(_rows);
        try
        {
            for (var i = 0; i < _rows * columns; i++) command.Parameters[i].Value = _values[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (command != _full) command.Dispose();
        }
        _rows = 0;
    }

    public void Dispose() => _full?.Dispose();

    private DbCommand Build(int rows)
    {
        var sql = new StringBuilder(head).Append(" VALUES ");
        var names = new string[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                var name = names[r * columns + c] = string.Create(CultureInfo.InvariantCulture, $"@p{r * columns + c}");
                sql.Append(c == 0 ? "" : ", ").Append(name);
            }
            sql.Append(')');
        }
        return CommandParameters.Command(connection, transaction, sql.Append(' ').Append(tail).ToString(), names);
    }
}
