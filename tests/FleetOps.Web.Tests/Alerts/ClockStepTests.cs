using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// The host's clock set while FleetOps runs. Forward by two hours (a virtual machine resumed, NTP correcting a clock that
/// was behind): every terminal was judged offline at the next tick, an alert and a webhook each, resolved again as the
/// heartbeats came. Back by an hour (NTP correcting a clock that was ahead): every terminal's last contact lay an hour
/// ahead of the corrected clock, so one that died just after the correction was seen offline an hour late. Offline after 180 s.
/// </summary>
public sealed class ClockStepTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_clock_set_two_hours_forward_opens_no_offline_alert_and_the_terminal_keeps_its_time_left()
    {
        var clock = new HostClock(DateTimeOffset.UtcNow);
        await using var app = Start(clock);
        var fleet = app.GetService<FleetState>();
        var (terminal, heardAt, stepped) = await HeardThenTwoHoursForwardAsync(app, clock);
        await Eventually.TickingAsync(clock.Timers, FleetClock.Tick,
            () => fleet.Listening.ResumedAt >= stepped || fleet.Get(terminal)!.Assessment.Connectivity == Connectivity.Offline, "the clock's tick after the step");
        await app.GetService<AlertService>().EvaluateAsync();

        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);
        Assert.DoesNotContain(app.GetService<AlertBook>().Active, a => a.TerminalId == terminal);
        var left = OfflineAfter - (fleet.Listening.LastListened!.Value - heardAt);
        Assert.Equal(fleet.Listening.ResumedAt + left, fleet.OfflineAt(fleet.Get(terminal)!));

        // Silent on, it is offline once its time left has passed, and its alert opens.
        clock.Timers.Advance(left - TimeSpan.FromSeconds(2));
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, fleet.Get(terminal)!.Assessment.Connectivity);
        await Eventually.TickingAsync(clock.Timers, TimeSpan.FromSeconds(1),
            () => fleet.Get(terminal)!.Assessment.Connectivity == Connectivity.Offline, "the terminal offline", steps: 5);
        await app.GetService<AlertService>().EvaluateAsync();
        Assert.Contains(app.GetService<AlertBook>().Active, a => (a.Kind, a.TerminalId) == (AlertKind.Offline, terminal));
    }

    [Fact]
    public async Task A_restart_soon_after_a_clock_set_forward_does_not_count_the_step_against_the_terminals()
    {
        var clock = new HostClock(DateTimeOffset.UtcNow);
        await using var app = Start(clock);
        var fleet = app.GetService<FleetState>();
        var (terminal, heardAt, stepped) = await HeardThenTwoHoursForwardAsync(app, clock);
        clock.Timers.Advance(ListeningRecorder.Interval);
        var runs = await Eventually.MatchesAsync(async () =>
        {
            await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
            return await ListeningRecorder.ReadAsync(db, CancellationToken.None);
        }, r => r.Max(run => run.Until) >= stepped, "the listening recorded after the step");

        // What the next start, half a minute later, makes of the record: the terminal still has most of its time left.
        var restart = clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        Assert.True(ListeningHistory.Of(runs, restart).OfflineAt(heardAt, OfflineAfter) > restart + TimeSpan.FromSeconds(60),
            $"runs {string.Join(", ", runs.Select(r => $"{r.From:O}–{r.Until:O}"))}");
    }

    [Fact]
    public async Task After_the_clock_is_set_an_hour_back_a_terminal_that_goes_silent_is_offline_after_the_limit()
    {
        var clock = new HostClock(DateTimeOffset.UtcNow);
        clock.Step(TimeSpan.FromHours(1)); // the server's clock an hour ahead; the terminals' are right
        await using var app = Start(clock);
        var fleet = app.GetService<FleetState>();
        var (terminal, key) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.Timers.GetUtcNow()));

        clock.Step(-TimeSpan.FromHours(1));
        await Eventually.TickingAsync(clock.Timers, FleetClock.Tick,
            () => fleet.Get(terminal)!.LastContactAt <= clock.GetUtcNow(), "no last contact ahead of the corrected clock");
        // The terminal's honest time is accepted again at once, then it dies.
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
        var silentFrom = clock.GetUtcNow();

        clock.Timers.Advance(OfflineAfter - TimeSpan.FromSeconds(2));
        await Eventually.TickingAsync(clock.Timers, TimeSpan.FromSeconds(1),
            () => fleet.Get(terminal)!.Assessment.Connectivity == Connectivity.Offline, "the terminal offline within the limit", steps: 5);
        Assert.InRange(clock.GetUtcNow() - silentFrom, OfflineAfter, OfflineAfter + TimeSpan.FromSeconds(3));
        await app.GetService<AlertService>().EvaluateAsync();
        Assert.Contains(app.GetService<AlertBook>().Active, a => (a.Kind, a.TerminalId) == (AlertKind.Offline, terminal));
    }

    /// <summary>A terminal heard once, a minute of silence, then the clock set two hours forward; when the step lands.</summary>
    private static async Task<(string Terminal, DateTimeOffset HeardAt, DateTimeOffset Stepped)> HeardThenTwoHoursForwardAsync(FleetOpsApp app, HostClock clock)
    {
        var (terminal, key) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
        var heardAt = app.GetService<FleetState>().Get(terminal)!.LastContactAt!.Value;
        clock.Timers.Advance(TimeSpan.FromSeconds(60));
        clock.Step(TimeSpan.FromHours(2));
        return (terminal, heardAt, clock.GetUtcNow());
    }

    private static FleetOpsApp Start(HostClock clock) => FleetOpsApp.Create(new FleetOpsAppOptions
    {
        TestServices = services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        },
    });
}
