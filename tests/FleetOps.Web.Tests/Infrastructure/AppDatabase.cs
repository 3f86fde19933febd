using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// Looks into an app's database through the app's own connection factory, so one test body runs on SQLite and on
/// PostgreSQL alike (<see cref="DatabaseFile"/> reads the SQLite file only).
/// </summary>
public static class AppDatabase
{
    public static async Task ExecuteSqlAsync(this FleetOpsApp app, string sql)
    {
        await using var connection = await OpenAsync(app);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows of <paramref name="table"/> belong to the terminal.</summary>
    public static async Task<long> RowsAsync(this FleetOpsApp app, string table, string terminalId)
    {
        await using var connection = await OpenAsync(app);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"TerminalId\" = @terminal";
        var terminal = command.CreateParameter();
        terminal.ParameterName = "@terminal";
        terminal.Value = terminalId;
        command.Parameters.Add(terminal);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How many events are stored for the terminal (for every terminal when null): power and transaction events are rows
    /// of <c>TelemetryEvents</c>, heartbeats are counted in their hour roll-ups.
    /// </summary>
    public static async Task<long> StoredEventsAsync(this FleetOpsApp app, string? terminalId = null)
    {
        await using var connection = await OpenAsync(app);
        await using var command = connection.CreateCommand();
        var where = terminalId is null ? "" : "WHERE \"TerminalId\" = @terminal";
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM "TelemetryEvents" {where}) + (SELECT COALESCE(SUM("Count"), 0) FROM "HeartbeatHours" {where})
            """;
        var terminal = command.CreateParameter();
        terminal.ParameterName = "@terminal";
        terminal.Value = (object?)terminalId ?? DBNull.Value;
        command.Parameters.Add(terminal);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DbConnection> OpenAsync(FleetOpsApp app)
    {
        var connection = app.GetService<FleetDbContextFactory>().CreateConnection();
        await connection.OpenAsync();
        return connection;
    }
}
