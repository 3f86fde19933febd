using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FleetOps.Web.Persistence;

/// <summary>
/// SQLite's bulk insert (issue 16): a batch of rows goes as ONE parameter, a JSON array of row arrays, unpacked by
/// <c>INSERT … SELECT value->>0, value->>1, … FROM jsonb_each(@rows)</c> (<c>jsonb_each</c> hands each row's array on as
/// JSONB; <c>json_each</c> turned it back into text that every <c>->></c> parsed again). Microsoft.Data.Sqlite binds
/// parameters by name and SQLite looks each name up by walking the statement's list of names, so a multi-row
/// <c>VALUES</c> statement costs its parameter count squared to bind; one parameter makes a batch of hundreds of rows as
/// cheap to bind as one row, and each statement (an autocommit of the connection's temp database when staging) then
/// carries hundreds of rows instead of 32 (up to <see cref="MaxBatchBytes"/> of JSON).
/// Values are written as SQLite would bind them: text, integers, dates as <c>yyyy-MM-dd</c> (Microsoft.Data.Sqlite's
/// format for <see cref="DateOnly"/>), null. The text is passed as a string, never as bytes: SQLite reads a BLOB given
/// to its JSON functions as its binary JSONB form.
/// </summary>
internal sealed class JsonRowsInsert : IRowBatch
{
    /// <summary>
    /// A batch is sent once its JSON reaches this many bytes, whatever its row count: the text goes to the driver as a
    /// string (two bytes a character) and on to SQLite as UTF-8, and each copy must stay below the large-object heap's
    /// 85,000 bytes. Above it every batch was large-object garbage that only a full collection frees: a million-line
    /// import piled up ~170 MB of it between two such collections (issue 16, docs/benchmarks.md).
    /// </summary>
    public const int MaxBatchBytes = 40_000;

    private readonly int _columns;
    private readonly int _rowsPerBatch;
    private readonly ArrayBufferWriter<byte> _buffer = new(MaxBatchBytes + 4096);
    private readonly Utf8JsonWriter _json;
    private readonly DbCommand _command;
    private int _rows;

    /// <param name="connection">An open SQLite connection.</param>
    /// <param name="transaction">The transaction the rows are written in; null for the connection's autocommit.</param>
    /// <param name="head"><c>INSERT INTO table (columns)</c>, the columns in the rows' order.</param>
    /// <param name="tail">What follows the <c>SELECT</c>, e.g. an upsert (then no key may occur twice in one batch).</param>
    /// <param name="columns">Values a row.</param>
    /// <param name="rowsPerBatch">Rows a statement.</param>
    public JsonRowsInsert(DbConnection connection, DbTransaction? transaction, string head, string tail, int columns, int rowsPerBatch)
    {
        (_columns, _rowsPerBatch) = (columns, rowsPerBatch);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        var values = string.Join(", ", Enumerable.Range(0, columns).Select(c => string.Create(CultureInfo.InvariantCulture, $"value->>{c}")));
        // "WHERE true": SQLite's grammar needs it between a SELECT and an upsert's ON CONFLICT.
        _command = CommandParameters.Command(connection, transaction, $"{head} SELECT {values} FROM jsonb_each(@rows) WHERE true {tail}", "@rows");
        _json.WriteStartArray();
    }

    public async Task AddAsync(CancellationToken cancellationToken, params object[] row)
    {
        if (row.Length != _columns) throw new ArgumentException($"A row has {_columns} values, not {row.Length}.", nameof(row));
        _json.WriteStartArray();
        foreach (var value in row) Write(value);
        _json.WriteEndArray();
        _json.Flush();
        if (++_rows == _rowsPerBatch || _buffer.WrittenCount >= MaxBatchBytes) await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0) return;
        _json.WriteEndArray();
        _json.Flush();
        var text = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartArray();
        _rows = 0;
        await CommandParameters.RunAsync(_command, cancellationToken, text);
    }

    public void Dispose()
    {
        _command.Dispose();
        _json.Dispose();
    }

    private void Write(object value)
    {
        switch (value)
        {
            case null or DBNull: _json.WriteNullValue(); break;
            case string s: _json.WriteStringValue(s); break;
            case long l: _json.WriteNumberValue(l); break;
            case int i: _json.WriteNumberValue(i); break;
            case DateOnly d: _json.WriteStringValue(d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)); break;
            default: throw new ArgumentException($"No JSON form for a {value.GetType().Name} column value.", nameof(value));
        }
    }
}
