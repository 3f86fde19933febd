using System.Data.Common;
using Npgsql;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Statements of one group commit sent to PostgreSQL in ONE round trip (<see cref="NpgsqlBatch"/>) instead of one each
/// (issue 17: row by row, PostgreSQL ingest was 9–10× slower than SQLite, which runs in the process and pays nothing per
/// statement). A statement is one of the writer's commands, copied with the values its parameters hold when it is added,
/// so callers fill in the parameters exactly as for running the command at once. After <see cref="Execute"/>,
/// <see cref="Rows"/> says what each statement wrote or returned (its command tag's count).
/// </summary>
internal sealed class PostgresStatementBatch(NpgsqlConnection connection) : IDisposable
{
    private readonly NpgsqlBatch _batch = new(connection);

    public int Count => _batch.BatchCommands.Count;

    public void Enlist(DbTransaction transaction)
    {
        _batch.Transaction = (NpgsqlTransaction)transaction;
        _batch.BatchCommands.Clear();
    }

    /// <returns>The statement's ticket for <see cref="Rows"/>.</returns>
    public int Add(DbCommand command)
    {
        var statement = new NpgsqlBatchCommand(command.CommandText);
        foreach (DbParameter parameter in command.Parameters) statement.Parameters.Add(new NpgsqlParameter(parameter.ParameterName, parameter.Value));
        _batch.BatchCommands.Add(statement);
        return _batch.BatchCommands.Count - 1;
    }

    /// <summary>Ends the batch with the transaction's COMMIT, run only if every statement before it succeeded.</summary>
    public void AddCommit() => _batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

    /// <summary>Runs the queued statements in one round trip; they stay readable by ticket until the next <see cref="Clear"/>.</summary>
    public void Execute()
    {
        if (Count > 0) _batch.ExecuteNonQuery();
    }

    /// <summary>Runs the queued queries in one round trip; their results come one after another (<see cref="DbDataReader.NextResult"/>).</summary>
    public DbDataReader ExecuteReader() => _batch.ExecuteReader();

    /// <summary>Rows written (INSERT, UPDATE) or returned (SELECT) by the statement of <paramref name="ticket"/>.</summary>
    public ulong Rows(int ticket) => _batch.BatchCommands[ticket].Rows;

    public void Clear() => _batch.BatchCommands.Clear();

    public void Dispose() => _batch.Dispose();
}
