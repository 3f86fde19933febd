using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// FleetOps down for an hour (an upgrade): the next start must not judge the fleet offline for the hour nobody listened —
/// at 100,000 terminals that was 100,000 offline alerts, webhooks and mails at every such start. A terminal online when
/// FleetOps stopped keeps the time it had left, counted from the moment the server stopped (the end of its run in the
/// database, later than any terminal's last word); one already offline keeps its alert. Offline after 180 s.
/// </summary>
public sealed class ListeningRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task After_an_hour_down_only_the_terminal_already_offline_has_an_alert_and_the_other_gets_its_time_left()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (online, silent, silentAlert) = await RunUntilStopAsync(
            FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock }), clock);
        var restartClock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromHours(1));
        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, Clock = restartClock });

        await AssertNoStormAsync(_second, restartClock, online, silent, silentAlert, TimeSpan.FromSeconds(80));
    }

    [Fact]
    public async Task A_run_of_30_s_between_two_outages_counts_only_its_30_s_against_the_terminal()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (online, silent, silentAlert) = await RunUntilStopAsync(
            FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock }), clock);
        // Back after an hour, down again 30 s later (the terminal did not report meanwhile), back 10 minutes after that.
        var secondClock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromHours(1));
        await using (var second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = secondClock }))
        {
            second.GetService<FleetState>(); // started
            secondClock.Advance(TimeSpan.FromSeconds(30));
        }
        var thirdClock = new FakeTimeProvider(secondClock.GetUtcNow() + TimeSpan.FromMinutes(10));
        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, Clock = thirdClock });

        await AssertNoStormAsync(_second, thirdClock, online, silent, silentAlert, TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task A_server_stopped_as_soon_as_it_started_records_its_run_from_its_start()
    {
        // .NET 10 runs a background service's ExecuteAsync on the thread pool, and a stop right after the start cancels
        // it before it begins: the run's start must not depend on it (a run "from 1970" counted every outage as listened).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var startedAt = clock.GetUtcNow();
        await using (var app = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock }))
        {
            app.GetService<FleetState>(); // started
            clock.Advance(TimeSpan.FromSeconds(2));
        }
        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, Clock = new FakeTimeProvider(startedAt + TimeSpan.FromHours(1)) });

        await using var db = _second.GetService<FleetDbContextFactory>().CreateDbContext();
        var run = (await ListeningRecorder.ReadAsync(db, CancellationToken.None)).OrderBy(r => r.From).First();
        Assert.Equal((startedAt.ToUnixTimeMilliseconds(), (startedAt + TimeSpan.FromSeconds(2)).ToUnixTimeMilliseconds()),
            (run.From.ToUnixTimeMilliseconds(), run.Until.ToUnixTimeMilliseconds()));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_run_is_recorded_and_used_the_same_way()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (online, silent, silentAlert) = await RunUntilStopAsync(database.Start(clock: clock), clock);
        var restartClock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromHours(1));
        await using var second = database.Start(clock: restartClock);

        await AssertNoStormAsync(second, restartClock, online, silent, silentAlert, TimeSpan.FromSeconds(80));
    }

    /// <summary>
    /// Two terminals; the silent one goes offline (alert opened); the other's last heartbeat comes 200 s in, and the server
    /// stops 100 s after that, so that terminal had 80 s left — not the 180 s its last word alone would give.
    /// </summary>
    private static async Task<(string Online, string Silent, long SilentAlert)> RunUntilStopAsync(FleetOpsApp app, FakeTimeProvider clock)
    {
        await using (app)
        {
            var store = await app.CreateStoreAsync(Ids.New("S"));
            var (online, onlineKey) = await app.NewTerminalAsync(store);
            var (silent, silentKey) = await app.NewTerminalAsync(store);
            await app.PostAcceptedAsync(onlineKey, online, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            await app.PostAcceptedAsync(silentKey, silent, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromSeconds(200));
            await app.PostAcceptedAsync(onlineKey, online, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromSeconds(100));
            app.GetService<FleetState>().Sweep(includePower: false);
            await app.GetService<AlertService>().EvaluateAsync();
            var alert = Assert.Single(app.GetService<AlertBook>().Active);
            Assert.Equal((AlertKind.Offline, silent), (alert.Kind, alert.TerminalId));
            return (online, silent, alert.Id);
        }
    }

    private static async Task AssertNoStormAsync(FleetOpsApp app, FakeTimeProvider clock, string online, string silent, long silentAlert, TimeSpan left)
    {
        var fleet = app.GetService<FleetState>();
        var alerts = app.GetService<AlertService>();
        var book = app.GetService<AlertBook>();
        var started = clock.GetUtcNow();
        fleet.Sweep(includePower: false);
        await alerts.EvaluateAsync();

        Assert.Equal(Connectivity.Online, fleet.Get(online)!.Assessment.Connectivity);
        Assert.Equal(Connectivity.Offline, fleet.Get(silent)!.Assessment.Connectivity);
        var kept = Assert.Single(book.Active);
        Assert.Equal((silentAlert, silent), (kept.Id, kept.TerminalId));

        // The time it had left: still online a moment before, offline with an alert from that moment.
        clock.Advance(left - TimeSpan.FromMilliseconds(1));
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, fleet.Get(online)!.Assessment.Connectivity);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        fleet.Sweep(includePower: false);
        await alerts.EvaluateAsync();
        Assert.Equal(Connectivity.Offline, fleet.Get(online)!.Assessment.Connectivity);
        var opened = Assert.Single(book.Active, a => a.TerminalId == online);
        Assert.Equal((AlertKind.Offline, started + left), (opened.Kind, opened.OpenedAt));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
