using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Named parameters for the hand-written, prepared commands of the hot paths (event writer, heartbeat roll-up, bulk
/// registration), which bypass EF Core: the same code for SQLite and PostgreSQL, values set per execution.
/// </summary>
internal static class CommandParameters
{
    /// <summary>A command on the transaction's connection with its named parameters, to be run many times.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Add(command, names);
        return command;
    }

    /// <summary>Runs a command made by <see cref="Command"/> with the values of its parameters, in their order.</summary>
    public static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Add(DbCommand command, params string[] names)
    {
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
