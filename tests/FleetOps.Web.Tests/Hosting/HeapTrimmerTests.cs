using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// After a load the collector kept its peak committed for as long as the server stayed idle (issue 9: 561 MB at 100,000
/// terminals, goal 250). The trimmer collects once when the server has gone quiet after its memory grew — and never while
/// it is busy, never for growth that survived its last collection, never twice a minute.
/// </summary>
public sealed class HeapTrimmerTests
{
    private const long MB = 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly int Spell = (int)HeapTrimPolicy.QuietSpell.TotalSeconds;

    [Fact]
    public void A_load_then_a_quiet_spell_asks_for_one_collection()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        long allocated = 0;
        // 60 s of load: 20 MB a second, the collector's holding grows to 500 MB.
        for (var s = 1; s <= 60; s++) Assert.False(policy.Observe(allocated += 20 * MB, 200 * MB + s * 5 * MB, Start.AddSeconds(s)));
        // Quiet (0.5 MB/s): once the spell's average is low — not in its first half (the load still weighs), by its end.
        var fired = -1;
        for (var s = 61; s <= 60 + 2 * Spell && fired < 0; s++)
        {
            if (policy.Observe(allocated += MB / 2, 500 * MB, Start.AddSeconds(s))) fired = s - 60;
        }
        Assert.InRange(fired, Spell / 2 + 1, Spell);
    }

    [Fact]
    public void A_busy_server_is_never_collected_however_much_it_holds()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        long allocated = 0;
        for (var s = 1; s <= 600; s++) Assert.False(policy.Observe(allocated += 4 * MB, 800 * MB, Start.AddSeconds(s)));
    }

    [Fact]
    public void Pauses_between_bursts_of_a_load_do_not_count_as_quiet()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        long allocated = 0;
        var s = 0;
        // 3 s of 20 MB/s, then 6 s of nothing, again and again: every spell holds a burst.
        for (var burst = 0; burst < 20; burst++)
        {
            for (var i = 0; i < 3; i++) Assert.False(policy.Observe(allocated += 20 * MB, 500 * MB, Start.AddSeconds(++s)));
            for (var i = 0; i < 6; i++) Assert.False(policy.Observe(allocated, 500 * MB, Start.AddSeconds(++s)));
        }
    }

    [Fact]
    public void An_idle_servers_own_bursts_are_quiet_on_average()
    {
        var policy = new HeapTrimPolicy(0, 400 * MB, Start);
        long allocated = 0;
        var fired = -1;
        // After a load that left 500 MB: ~7 MB every 5 s (the alert centre's evaluation), nothing in between.
        for (var s = 1; s <= 60 && fired < 0; s++)
        {
            if (s % 5 == 0) allocated += 7 * MB;
            if (policy.Observe(allocated, 500 * MB, Start.AddSeconds(s))) fired = s;
        }
        Assert.Equal(Spell, fired);
    }

    [Fact]
    public void Small_growth_is_not_worth_a_pause()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        for (var s = 1; s <= 600; s++) Assert.False(policy.Observe(s * MB / 2, 250 * MB, Start.AddSeconds(s)));
    }

    [Fact]
    public void Growth_that_survived_the_collection_is_the_new_baseline()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        for (var s = 1; s < Spell; s++) Assert.False(policy.Observe(0, 400 * MB, Start.AddSeconds(s)));
        Assert.True(policy.Observe(0, 400 * MB, Start.AddSeconds(Spell)));
        // The collection gave little back: the memory is live (say, 100,000 new terminals).
        policy.Collected(0, 390 * MB, Start.AddSeconds(Spell));
        for (var s = Spell + 1; s <= 1200; s++) Assert.False(policy.Observe(0, 390 * MB, Start.AddSeconds(s)));
        // A new burst grows it again: collected once more.
        Assert.True(policy.Observe(0, 460 * MB, Start.AddSeconds(1201)));
    }

    [Fact]
    public void Never_twice_within_a_minute()
    {
        var policy = new HeapTrimPolicy(0, 200 * MB, Start);
        for (var s = 1; s < Spell; s++) policy.Observe(0, 400 * MB, Start.AddSeconds(s));
        Assert.True(policy.Observe(0, 400 * MB, Start.AddSeconds(Spell)));
        policy.Collected(0, 200 * MB, Start.AddSeconds(Spell));
        // The memory grows back at once (a burst between two readings, say).
        var again = Spell + (int)HeapTrimPolicy.MinimumGap.TotalSeconds;
        for (var s = Spell + 1; s < again; s++) Assert.False(policy.Observe(0, 400 * MB, Start.AddSeconds(s)));
        Assert.True(policy.Observe(0, 400 * MB, Start.AddSeconds(again)));
    }

    [Fact]
    public async Task The_service_collects_once_when_the_server_goes_quiet_after_a_load()
    {
        var clock = new FakeTimeProvider(Start);
        long allocated = 0, committed = 200 * MB;
        var collections = 0;
        using var trimmer = new HeapTrimmer(clock, enabled: true, () => Interlocked.Read(ref allocated), () => Interlocked.Read(ref committed),
            () => { Interlocked.Increment(ref collections); Interlocked.Exchange(ref committed, 210 * MB); }, NullLogger<HeapTrimmer>.Instance);
        await trimmer.StartAsync(CancellationToken.None);
        await Eventually.MatchesAsync(() => Task.FromResult(trimmer.Watching), w => w, "the trimmer's timer");

        // Each tick is awaited by the service before the clock moves on, so every reading sees its own second.
        for (var s = 0; s < 30; s++) await TickAsync(trimmer, clock, () => { Interlocked.Add(ref allocated, 50 * MB); Interlocked.Add(ref committed, 10 * MB); });
        Assert.Equal(0, Volatile.Read(ref collections));
        for (var s = 0; s < 30; s++) await TickAsync(trimmer, clock, () => { });

        Assert.Equal(1, Volatile.Read(ref collections));
        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Switched_off_it_does_not_watch_at_all()
    {
        var clock = new FakeTimeProvider(Start);
        var collections = 0;
        using var trimmer = new HeapTrimmer(clock, enabled: false, () => 0, () => 900 * MB, () => collections++, NullLogger<HeapTrimmer>.Instance);
        await trimmer.StartAsync(CancellationToken.None);

        // An enabled trimmer's loop runs until the host stops; a disabled one has nothing to do and ends by itself.
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(trimmer.Watching);
        Assert.Equal(0, collections);
    }

    /// <summary>Changes the counters, moves the clock one interval and waits until the service has taken that reading.</summary>
    private static async Task TickAsync(HeapTrimmer trimmer, FakeTimeProvider clock, Action change)
    {
        var before = trimmer.Readings;
        change();
        clock.Advance(HeapTrimmer.Interval);
        await Eventually.MatchesAsync(() => Task.FromResult(trimmer.Readings), n => n == before + 1, "the trimmer's reading of this second");
    }
}
