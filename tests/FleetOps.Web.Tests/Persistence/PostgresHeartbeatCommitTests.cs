using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Npgsql;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// The one-statement commit of lone heartbeats assumes every heartbeat is new. When one is not, nothing of the commit may
/// remain — no heartbeat of another terminal, no latest state derived from the wrong assumption, no announcement to the
/// other nodes — or the careful retry that follows would count and announce them twice.
/// </summary>
public sealed class PostgresHeartbeatCommitTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task A_commit_holding_a_duplicate_stores_and_announces_nothing_while_one_without_stores_and_announces_everything()
    {
        await using var app = _database.Start();
        var (first, _) = await app.NewTerminalAsync();
        var (second, _) = await app.NewTerminalAsync();
        var fleet = app.GetService<FleetState>();
        var hour = HeartbeatRollupTests.PreviousHour();
        await using var listener = new NpgsqlConnection(_database.ConnectionString);
        await listener.OpenAsync();
        var notifications = 0;
        listener.Notification += (_, _) => Interlocked.Increment(ref notifications);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFanOut.Channel}", listener)) await listen.ExecuteNonQueryAsync();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        using var commit = new PostgresHeartbeatCommit(connection);

        commit.Clear();
        Stage(commit, fleet, first, Beat("hb-1", hour.AddMinutes(1)));
        Stage(commit, fleet, second, Beat("hb-1", hour.AddMinutes(1)));
        commit.Announce("node-a", ChangeFanOut.TelemetryKind, "[1]", hour);
        Assert.True(commit.TryCommit());

        // The first terminal's heartbeat is new, the second's a resend.
        commit.Clear();
        Stage(commit, fleet, first, Beat("hb-2", hour.AddMinutes(2)));
        Stage(commit, fleet, second, Beat("hb-1", hour.AddMinutes(1)));
        commit.Announce("node-a", ChangeFanOut.TelemetryKind, "[2]", hour);
        Assert.False(commit.TryCommit());

        // The connection goes on: the next commit is its own.
        commit.Clear();
        Stage(commit, fleet, second, Beat("hb-3", hour.AddMinutes(3)));
        Assert.True(commit.TryCommit());

        Assert.Equal(1, await app.StoredEventsAsync(first));
        Assert.Equal(2, await app.StoredEventsAsync(second));
        Assert.Equal(hour.AddMinutes(1).ToUnixTimeMilliseconds(), await ScalarAsync("""SELECT "LastSeenAtMs" FROM "Terminals" WHERE "TerminalId" = @id""", first));
        Assert.Equal(hour.AddMinutes(3).ToUnixTimeMilliseconds(), await ScalarAsync("""SELECT "LastSeenAtMs" FROM "Terminals" WHERE "TerminalId" = @id""", second));
        Assert.Equal(1, await app.RowsAsync("TerminalBoots", first));
        Assert.Equal(1L, await ScalarAsync("""SELECT count(*) FROM "NodeChanges" WHERE "Payload" = '[1]' OR "Payload" = '[2]'"""));
        // A round trip on the listening connection takes in every notification of the commits before it.
        await using (var ping = new NpgsqlCommand("SELECT 1", listener)) await ping.ExecuteScalarAsync();
        Assert.Equal(1, notifications);
    }

    private static HeartbeatEvent Beat(string id, DateTimeOffset at) => new(id, at, "boot-1", 3600, "3.2.1", "1.8.0", PowerSource.Mains, 90);

    /// <summary>What the event writer adds for a lone heartbeat: the heartbeat and the latest state derived as if it were new.</summary>
    private static void Stage(PostgresHeartbeatCommit commit, FleetState fleet, string terminal, HeartbeatEvent beat)
    {
        commit.AddHeartbeat(terminal, beat);
        commit.AddLatestState(fleet.Get(terminal)!.WithEvents([beat], beat.At, fleet.PowerHorizon));
    }

    private async Task<long> ScalarAsync(string sql, string? id = null)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null) command.Parameters.AddWithValue("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
