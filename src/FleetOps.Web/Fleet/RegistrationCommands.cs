using System.Data.Common;
using FleetOps.Core.Fleet;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Fleet;

/// <summary>
/// The bulk import's two INSERTs, each one command reused for every row of one transaction. EF's change tracker for
/// 100,000 new rows costs seconds and hundreds of MB; a reused command costs a parameter assignment per row. The SQL is
/// the same on SQLite and PostgreSQL, and the columns are those of <see cref="StoreRow"/> and <see cref="TerminalRow"/>.
/// </summary>
internal sealed class RegistrationCommands : IDisposable
{
    private readonly DbCommand _store;
    private readonly DbCommand _terminal;

    private RegistrationCommands(DbConnection connection, DbTransaction transaction)
    {
        _store = CommandParameters.Command(connection, transaction,
            """
            INSERT INTO "Stores" ("Code", "Name", "Region", "TimeZone", "Acquirer", "MerchantId", "CreatedAt")
            VALUES (@code, @name, @region, @zone, @acquirer, @merchant, @at)
            """, "@code", "@name", "@region", "@zone", "@acquirer", "@merchant", "@at");
        _terminal = CommandParameters.Command(connection, transaction,
            """
            INSERT INTO "Terminals" ("TerminalId", "StoreCode", "Model", "SerialNumber", "AcquirerTerminalId", "KeyHash", "Decommissioned", "RegisteredAt")
            VALUES (@terminal, @store, @model, @serial, @acquirerTerminal, @hash, @decommissioned, @at)
            """, "@terminal", "@store", "@model", "@serial", "@acquirerTerminal", "@hash", "@decommissioned", "@at");
    }

    /// <summary>Opens a connection and a transaction on it (SQLite waits for the event writer rather than failing).</summary>
    public static async Task<(DbConnection Connection, DbTransaction Transaction, RegistrationCommands Commands)> BeginAsync(
        FleetDbContextFactory databases, CancellationToken cancellationToken)
    {
        var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (databases.Provider == DatabaseProvider.Sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout=10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return (connection, transaction, new RegistrationCommands(connection, transaction));
    }

    public Task InsertStoreAsync(StoreInfo store, DateTimeOffset at, CancellationToken cancellationToken) =>
        CommandParameters.RunAsync(_store, cancellationToken, store.Code, store.Name, store.Region, store.TimeZone,
            (object?)store.Acquirer ?? DBNull.Value, (object?)store.MerchantId ?? DBNull.Value, at);

    public Task InsertTerminalAsync(TerminalRegistration terminal, byte[] keyHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        CommandParameters.RunAsync(_terminal, cancellationToken, terminal.TerminalId, terminal.StoreCode, terminal.Model,
            (object?)terminal.SerialNumber ?? DBNull.Value, (object?)terminal.AcquirerTerminalId ?? DBNull.Value, keyHash, false, at);

    public void Dispose()
    {
        _store.Dispose();
        _terminal.Dispose();
    }
}
