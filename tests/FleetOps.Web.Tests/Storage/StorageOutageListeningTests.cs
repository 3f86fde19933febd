using System.Net;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// The database out of reach for ten minutes while FleetOps runs (a failover, a full disk): terminals are answered 503,
/// so their silence must not count against them — before, every terminal went offline after the limit and the first
/// alert evaluation once the database was back opened an alert for each. The outage is simulated by moving the tables the
/// heartbeats and the listening record are written to out of the way, and back. Offline after 180 s.
/// </summary>
public sealed class StorageOutageListeningTests : IAsyncLifetime
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FleetOpsApp _app = default!;

    [Fact]
    public async Task Ten_minutes_without_the_database_open_no_offline_alert_and_the_terminal_keeps_the_time_it_had_left()
    {
        var fleet = _app.GetService<FleetState>();
        var store = await _app.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await _app.NewTerminalAsync(store);
        await _app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), _clock.GetUtcNow()));
        var heardAt = fleet.Get(terminal)!.LastContactAt!.Value;
        _clock.Advance(TimeSpan.FromSeconds(60));

        await MoveTablesAsync(away: true);
        _clock.Advance(ListeningRecorder.Interval);
        await Eventually.MatchesAsync(() => Task.FromResult(fleet.Listening.PausedSince), p => p is not null, "the fleet paused");
        using (var refused = await _app.PostTelemetryAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), _clock.GetUtcNow())))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        for (var i = 0; i < 120; i++) _clock.Advance(ListeningRecorder.Interval);
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);

        await MoveTablesAsync(away: false);
        _clock.Advance(ListeningRecorder.Interval);
        await Eventually.MatchesAsync(() => Task.FromResult(fleet.Listening.PausedSince), p => p is null, "the fleet listening again");
        var back = fleet.Listening.ResumedAt;
        var lastReached = fleet.Listening.LastListened!.Value;
        fleet.Sweep(includePower: false);
        await _app.GetService<AlertService>().EvaluateAsync();

        Assert.True(fleet.Listening.LastGap >= TimeSpan.FromMinutes(10), $"gap {fleet.Listening.LastGap}");
        Assert.True(fleet.Listening.LastGapWasStorage);
        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);
        Assert.DoesNotContain(_app.GetService<AlertBook>().Active, a => a.Kind == AlertKind.Offline);
        var left = OfflineAfter - (lastReached - heardAt);
        Assert.Equal(back + left, fleet.OfflineAt(fleet.Get(terminal)!));
        // The record shows the gap to the next start: the run before the outage ends where the database was last reached,
        // and a new run begins when it was reached again.
        var runs = await ReadRunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal((lastReached, back), (runs[0].Until, runs[1].From));

        _clock.Advance(left);
        fleet.Sweep(includePower: false);
        await _app.GetService<AlertService>().EvaluateAsync();
        Assert.Equal(Connectivity.Offline, fleet.Get(terminal)!.Assessment.Connectivity);
        Assert.Contains(_app.GetService<AlertBook>().Active, a => (a.Kind, a.TerminalId) == (AlertKind.Offline, terminal));
    }

    private async Task MoveTablesAsync(bool away)
    {
        await using var connection = new SqliteConnection(_app.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "HeartbeatHours", "ListeningRuns" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = away ? $"ALTER TABLE \"{table}\" RENAME TO \"{table}Away\"" : $"ALTER TABLE \"{table}Away\" RENAME TO \"{table}\"";
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<List<(DateTimeOffset From, DateTimeOffset Until)>> ReadRunsAsync()
    {
        await using var connection = new SqliteConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"FromMs\", \"UntilMs\" FROM \"ListeningRuns\" ORDER BY \"FromMs\"";
        var runs = new List<(DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        }
        return runs;
    }

    public Task InitializeAsync()
    {
        _app = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = _clock });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
