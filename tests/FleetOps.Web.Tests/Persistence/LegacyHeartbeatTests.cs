using FleetOps.Core.Telemetry;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// A database written before the hour roll-ups keeps one TelemetryEvents row per heartbeat. The first start after the
/// upgrade moves them into the roll-ups: the boot segments they held still show the unexpected reboot, and their ids
/// still catch a resend.
/// </summary>
public sealed class LegacyHeartbeatTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();

    [Fact]
    public async Task Heartbeat_rows_of_the_old_layout_become_rollups_at_start_up_keeping_reboots_and_duplicates()
    {
        string terminal, key;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            (terminal, key) = await first.NewTerminalAsync();
        }
        var now = DateTimeOffset.UtcNow;
        // What the writer of the old layout stored: a row per heartbeat, boot id in Detail, the event as JSON.
        await InsertOldRowAsync(terminal, new HeartbeatEvent("hb-1", now.AddMinutes(-3), "boot-A", 60, "3.2.1", "1.8.0", PowerSource.Mains));
        await InsertOldRowAsync(terminal, new HeartbeatEvent("hb-2", now.AddMinutes(-2), "boot-B", 5, "3.2.1", "1.8.0", PowerSource.Mains));

        await using var second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });

        Assert.Equal(1, (await second.GetTerminalAsync(terminal))["power"]!["lossesInWindow"]!.GetValue<int>());
        Assert.Equal(0, await second.CountAsync("TelemetryEvents", terminal));
        Assert.Equal(2, await second.StoredEventsAsync(terminal));
        var resent = await second.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", now.AddMinutes(-3), bootId: "boot-A"));
        Assert.Equal(1, resent["duplicates"]!.GetValue<int>());
    }

    private async Task InsertOldRowAsync(string terminal, HeartbeatEvent heartbeat)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "TelemetryEvents" ("TerminalId", "EventId", "Type", "AtMs", "ReceivedAtMs", "Detail", "Payload")
            VALUES ($terminal, $id, 'heartbeat', $at, $at, $boot, $payload)
            """;
        insert.Parameters.AddWithValue("$terminal", terminal);
        insert.Parameters.AddWithValue("$id", heartbeat.Id);
        insert.Parameters.AddWithValue("$at", heartbeat.At.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$boot", heartbeat.BootId);
        insert.Parameters.AddWithValue("$payload", TelemetryJson.Serialize(heartbeat));
        await insert.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        FleetOpsApp.DeleteDatabase(_database);
        return Task.CompletedTask;
    }
}
