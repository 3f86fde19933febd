using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// On SQLite the event writer no longer checkpoints the write-ahead log inside its commits (issue 9: the tail of the
/// single-event latency); <c>WalCheckpointer</c> does it beside the writer. Without it, committed heartbeats would live in
/// the log alone until the server stops.
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task Committed_heartbeats_reach_the_database_file_itself_while_the_server_runs()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        var (terminal, key) = await app.NewTerminalAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at), Heartbeat("hb-2", at.AddSeconds(1)));

        // A copy of the main file alone, without its -wal: what a checkpoint has moved there.
        await Eventually.MatchesAsync(() => CountInMainFileAsync(app.DatabasePath, terminal), count => count == 2,
            "the heartbeats in the database file without its write-ahead log");
    }

    private static async Task<long> CountInMainFileAsync(string databasePath, string terminalId)
    {
        var copy = Path.Combine(FleetOpsApp.DatabaseFolder, $"{Guid.NewGuid():N}-main-only.db");
        try
        {
            File.Copy(databasePath, copy);
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT COALESCE(SUM("Count"), 0) FROM "HeartbeatHours" WHERE "TerminalId" = $terminal""";
            command.Parameters.AddWithValue("$terminal", terminalId);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return -1; // copied in the middle of a checkpoint's write: look again
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
