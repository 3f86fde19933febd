using System.Net;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// The database out of reach for ten minutes while FleetOps runs (a failover, a full disk): terminals are answered 503,
/// so their silence must not count against them — before, every terminal went offline after the limit and the first
/// alert evaluation once the database was back opened an alert for each. Offline after 180 s.
/// </summary>
public sealed class StorageOutageListeningTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task On_SQLite_ten_minutes_without_the_database_open_no_offline_alert_and_the_terminal_keeps_its_time_left()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = clock });
        // SQLite cannot be taken away from a process that has it open: the tables the heartbeats and the listening
        // record are written to are moved out of the way, and back.
        await OutageAsync(app, clock, away => RenameTablesAsync(app, away));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_database_closed_for_ten_minutes_opens_no_offline_alert()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = database.Start(clock: clock);
        await OutageAsync(app, clock, away => away ? database.CloseAsync() : database.ReopenAsync());
    }

    private static async Task OutageAsync(FleetOpsApp app, FakeTimeProvider clock, Func<bool, Task> takeAway)
    {
        var fleet = app.GetService<FleetState>();
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await app.NewTerminalAsync(store);
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
        var heardAt = fleet.Get(terminal)!.LastContactAt!.Value;
        clock.Advance(TimeSpan.FromSeconds(60));

        await takeAway(true);
        await Eventually.TickingAsync(clock, ListeningRecorder.Interval, () => fleet.Listening.PausedSince is not null, "the fleet paused");
        using (var refused = await app.PostTelemetryAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow())))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        for (var i = 0; i < 120; i++) clock.Advance(ListeningRecorder.Interval);
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);

        await takeAway(false);
        await Eventually.TickingAsync(clock, ListeningRecorder.Interval, () => fleet.Listening.PausedSince is null, "the fleet listening again");
        var back = fleet.Listening.ResumedAt;
        var lastReached = fleet.Listening.LastListened!.Value;
        fleet.Sweep(includePower: false);
        await app.GetService<AlertService>().EvaluateAsync();

        Assert.True(fleet.Listening.LastGap >= TimeSpan.FromMinutes(10), $"gap {fleet.Listening.LastGap}");
        Assert.True(fleet.Listening.LastGapWasStorage);
        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);
        Assert.DoesNotContain(app.GetService<AlertBook>().Active, a => a.Kind == AlertKind.Offline);
        var left = OfflineAfter - (lastReached - heardAt);
        Assert.Equal(back + left, fleet.OfflineAt(fleet.Get(terminal)!));
        // The record shows the gap to the next start: the run before the outage ends where the database was last reached,
        // and a new run begins when it was reached again.
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            var runs = (await ListeningRecorder.ReadAsync(db, CancellationToken.None)).OrderBy(r => r.From).ToList();
            Assert.Equal(2, runs.Count);
            Assert.Equal((lastReached, back), (runs[0].Until, runs[1].From));
        }

        clock.Advance(left);
        fleet.Sweep(includePower: false);
        await app.GetService<AlertService>().EvaluateAsync();
        Assert.Equal(Connectivity.Offline, fleet.Get(terminal)!.Assessment.Connectivity);
        Assert.Contains(app.GetService<AlertBook>().Active, a => (a.Kind, a.TerminalId) == (AlertKind.Offline, terminal));
    }

    private static async Task RenameTablesAsync(FleetOpsApp app, bool away)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "HeartbeatHours", "ListeningRuns" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = away ? $"ALTER TABLE \"{table}\" RENAME TO \"{table}Away\"" : $"ALTER TABLE \"{table}Away\" RENAME TO \"{table}\"";
            await command.ExecuteNonQueryAsync();
        }
    }
}
