using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// On SQLite the event writer checkpoints the write-ahead log inside the commit that fills it (issue 9: a checkpoint
/// beside the writer doubled the single-event p99), and <c>WalCheckpointer</c> truncates a log that grew past its limit
/// anyway. Without either, committed events would live in the log alone and the -wal file would grow without end.
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task The_writer_moves_committed_heartbeats_into_the_database_file_once_the_log_is_full()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Settings = new Dictionary<string, string?> { ["FleetOps:Database:WalCheckpointPages"] = "1" },
        });
        var (terminal, key) = await app.NewTerminalAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at), Heartbeat("hb-2", at.AddSeconds(1)));

        // The commit itself checkpointed: no timer is involved, so the file holds them as soon as the post is answered.
        Assert.Equal(2, await CountInMainFileAsync(app.DatabasePath, """SELECT COALESCE(SUM("Count"), 0) FROM "HeartbeatHours" WHERE "TerminalId" = $terminal""", terminal));
    }

    [Fact]
    public async Task A_log_past_its_limit_is_truncated_into_the_database_file()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Clock = clock,
            Settings = new Dictionary<string, string?>
            {
                ["FleetOps:Database:WalCheckpointPages"] = "1000000", // the writer never checkpoints: only the guard can
                ["FleetOps:Database:WalLimitMegabytes"] = "1",
                ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "1000",
            },
        });
        var (terminal, key) = await app.NewTerminalAsync();
        var start = clock.GetUtcNow().AddHours(-2);
        const int Batches = 12, PerBatch = 400;
        for (var b = 0; b < Batches; b++)
        {
            var events = Enumerable.Range(0, PerBatch)
                .Select(i => (JsonNode)Power($"p-{b}-{i}", start.AddSeconds(b * PerBatch + i), i % 2 == 0 ? "lost" : "restored"))
                .ToArray();
            await app.PostAcceptedAsync(key, terminal, events);
        }
        var log = new FileInfo(app.DatabasePath + "-wal");
        Assert.True(log.Length > 1024 * 1024, $"the log holds {log.Length} bytes; the test needs more than its 1 MB limit");
        Assert.True(await CountInMainFileAsync(app.DatabasePath, PowerEventsSql, terminal) < Batches * PerBatch);

        await Eventually.MatchesAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return await CountInMainFileAsync(app.DatabasePath, PowerEventsSql, terminal);
        }, count => count == Batches * PerBatch, "the power events in the database file without its write-ahead log");
        log.Refresh();
        Assert.True(log.Length < 1024 * 1024, $"the log still holds {log.Length} bytes");
    }

    private const string PowerEventsSql = """SELECT COUNT(*) FROM "TelemetryEvents" WHERE "TerminalId" = $terminal AND "Type" = 'power'""";

    private static async Task<long> CountInMainFileAsync(string databasePath, string sql, string terminalId)
    {
        // A copy of the main file alone, without its -wal: what a checkpoint has moved there.
        var copy = Path.Combine(FleetOpsApp.DatabaseFolder, $"{Guid.NewGuid():N}-main-only.db");
        try
        {
            File.Copy(databasePath, copy);
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
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
