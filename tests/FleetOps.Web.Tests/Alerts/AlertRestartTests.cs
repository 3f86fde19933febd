using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// Alerts, their acknowledgements and mute windows survive a restart: the book is rebuilt from the database, and the
/// first evaluation after the start finds the same alert instead of opening a second one for the same terminal.
/// </summary>
public sealed class AlertRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_restart_keeps_the_alert_its_acknowledgement_and_the_mute_and_opens_no_duplicate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (alertId, terminal) = await RaiseAcknowledgeAndMuteAsync(
            FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock }), clock);

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, Clock = new FakeTimeProvider(clock.GetUtcNow().AddSeconds(5)) });

        await AssertKeptAsync(_second, alertId, terminal);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_restart_keeps_the_alert_its_acknowledgement_and_the_mute()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (alertId, terminal) = await RaiseAcknowledgeAndMuteAsync(database.Start(clock: clock), clock);

        await using var second = database.Start(clock: new FakeTimeProvider(clock.GetUtcNow().AddSeconds(5)));

        await AssertKeptAsync(second, alertId, terminal);
    }

    /// <summary>An offline terminal's alert, acknowledged with a note, its terminal muted for an hour; the app is then stopped.</summary>
    private static async Task<(long AlertId, string Terminal)> RaiseAcknowledgeAndMuteAsync(FleetOpsApp app, FakeTimeProvider clock)
    {
        await using (app)
        {
            var store = await app.CreateStoreAsync(Ids.New("S"));
            var (terminal, key) = await app.NewTerminalAsync(store);
            await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromSeconds(200));
            app.GetService<FleetState>().Sweep(includePower: false);
            var service = app.GetService<AlertService>();
            await service.EvaluateAsync();
            var alertId = Assert.Single(app.GetService<AlertBook>().Active).Id;
            await service.AcknowledgeAsync(alertId, "ops@chain", "on my way", null);
            await service.MuteAsync(store, terminal, clock.GetUtcNow(), clock.GetUtcNow().AddHours(1), "cable swap", "ops@chain", null);
            return (alertId, terminal);
        }
    }

    private static async Task AssertKeptAsync(FleetOpsApp app, long alertId, string terminal)
    {
        var book = app.GetService<AlertBook>();
        app.GetService<FleetState>().Sweep(includePower: false);
        await app.GetService<AlertService>().EvaluateAsync();

        var kept = Assert.Single(book.Active);
        Assert.Equal(alertId, kept.Id);
        Assert.Equal((AlertState.Acknowledged, "on my way"), (kept.State, kept.AcknowledgementNote));
        Assert.Equal(terminal, kept.TerminalId);
        Assert.True(book.IsMuted(kept));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
