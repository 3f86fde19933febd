using System.Runtime.CompilerServices;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Tests.Outages;

/// <summary>
/// <see cref="StoreIncidentMemo"/>: a store's incidents are kept while its terminals' histories answer as before, and the
/// memo then holds the terminals' current histories, not the ones it was derived from — after a fleet-wide reboot every
/// store has a memo, and keeping the outdated histories cost a second history per terminal.
/// </summary>
public sealed class StoreIncidentMemoTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private readonly DetectionOptions _options = new();

    [Fact]
    public void Later_heartbeats_keep_the_incidents_and_let_the_first_histories_go()
    {
        var (memo, first) = MemoOfStoreThatLostPower();
        var now = Store(minutes: 20);

        Assert.True(memo.Holds(now, _options));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(first, history => Assert.False(history.TryGetTarget(out _), "the memo still holds a history the fleet has replaced"));
        // Held from the current histories on: later heartbeats still answer as before, a new boot (a loss) does not.
        Assert.True(memo.Holds(Store(minutes: 30), _options));
        Assert.False(memo.Holds(Store(minutes: 30, rebootOf: "T-2"), _options));
    }

    [Fact]
    public void A_history_that_answers_differently_or_other_thresholds_make_it_not_hold()
    {
        var (memo, _) = MemoOfStoreThatLostPower();

        Assert.False(memo.Holds(Store(minutes: 20, rebootOf: "T-1"), _options));
        Assert.False(memo.Holds(Store(minutes: 20), new DetectionOptions()));
        Assert.False(memo.Holds(Store(minutes: 20).Take(2).ToList(), _options));
    }

    /// <summary>A store of three terminals that all rebooted at minute 5 (an outage), heard from until minute 10; its memo and weak references to the histories it was made from.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (StoreIncidentMemo Memo, List<WeakReference<PowerHistory>> Histories) MemoOfStoreThatLostPower()
    {
        var terminals = Store(minutes: 10);
        var incidents = StorePowerIncidentRule.Find("S-1", terminals, _options);
        Assert.Single(incidents);
        return (new StoreIncidentMemo(terminals, _options, incidents), terminals.Select(t => new WeakReference<PowerHistory>(t.Power)).ToList());
    }

    /// <summary>The store's terminals with heartbeats every minute up to <paramref name="minutes"/>; one may reboot once more at the end.</summary>
    private static List<TerminalSnapshot> Store(int minutes, string? rebootOf = null) =>
        new[] { "T-1", "T-2", "T-3" }.Select(id =>
        {
            var history = PowerHistory.Empty.With(Beat(id, 0, "before"));
            for (var m = 6; m <= minutes; m++) history = history.With(Beat(id, m, "after"));
            if (id == rebootOf) history = history.With(Beat(id, minutes + 1, "again"));
            return new TerminalSnapshot(new TerminalRegistration(id, "S-1", "Model-A", null))
            {
                LastContactAt = T0.AddMinutes(minutes), LastSeenAt = T0.AddMinutes(minutes), Power = history,
            };
        }).ToList();

    private static HeartbeatEvent Beat(string terminal, int minute, string boot) =>
        new($"{terminal}-{boot}-{minute}", T0.AddMinutes(minute), $"{terminal}-{boot}", 60, "3.2.1", "1.8.0", PowerSource.Mains);
}
