using FleetOps.Web.Election;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Election;

/// <summary>The leadership of one node, on a lock the test hands out and a fake clock: who works, and when that stops.</summary>
public sealed class LeadershipTests
{
    private static readonly LeadershipOptions Options = new() { RetrySeconds = 3 };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly HandedLock _lock = new();

    [Fact]
    public void A_node_alone_leads_from_its_start_without_a_lock()
    {
        using var leadership = new Leadership(Microsoft.Extensions.Options.Options.Create(Options), _clock, NullLogger<Leadership>.Instance);

        Assert.False(leadership.Elected);
        Assert.True(leadership.IsLeader);
        Assert.Equal(_clock.GetUtcNow(), leadership.LeadingSince);
    }

    [Fact]
    public async Task A_node_that_cannot_take_the_lock_does_no_elected_work_until_it_can()
    {
        using var leadership = Elected();
        using var stop = new CancellationTokenSource();
        await leadership.StartAsync(stop.Token);
        var runs = 0;
        var working = leadership.WhileLeadingAsync(_ => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, stop.Token);

        for (var i = 0; i < 5; i++) _clock.Advance(Options.RetryEvery);
        Assert.False(leadership.IsLeader);
        Assert.Null(leadership.LeadingSince);
        Assert.Equal(0, Volatile.Read(ref runs));

        _lock.Open();
        await Eventually.MatchesAsync(() => { _clock.Advance(Options.RetryEvery); return Task.FromResult(Volatile.Read(ref runs)); },
            r => r == 1, "the work to start once the node leads");
        Assert.True(leadership.IsLeader);

        await stop.CancelAsync();
        await working;
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Losing_the_lock_connection_stops_the_work_at_once_and_the_next_term_starts_it_again()
    {
        _lock.Open();
        using var leadership = Elected();
        using var stop = new CancellationTokenSource();
        await leadership.StartAsync(stop.Token);
        var terms = new List<CancellationToken>();
        var working = leadership.WhileLeadingAsync(async term =>
        {
            lock (terms) terms.Add(term);
            await Task.Delay(Timeout.InfiniteTimeSpan, term);
        }, stop.Token);
        await Eventually.MatchesAsync(() => Task.FromResult(TermCount(terms)), n => n == 1, "the first term's work to start");

        _lock.LoseConnection();

        // No clock advance: the loss alone ends the term, not the next retry.
        await Eventually.MatchesAsync(() => Task.FromResult(terms[0].IsCancellationRequested && !leadership.IsLeader), ended => ended,
            "the work's token to be cancelled when the lock's connection is lost");
        Assert.Equal(1, TermCount(terms));

        await Eventually.MatchesAsync(() => { _clock.Advance(Options.RetryEvery); return Task.FromResult(TermCount(terms)); },
            n => n == 2, "the work to start again in the next term");
        Assert.True(leadership.IsLeader);
        Assert.Equal(2, _lock.Taken);

        await stop.CancelAsync();
        await working;
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_node_that_lost_its_lock_connection_steps_back_so_that_another_node_takes_over_first()
    {
        using var leadership = await LeadingAsync();

        _lock.LoseConnection();
        await Eventually.MatchesAsync(() => Task.FromResult(leadership.IsLeader), leads => !leads, "the node to stop leading");
        // The clock moves in tenths of a retry period until the node has the lock again: a node trying every period
        // (the other nodes) has had at least two tries before it.
        var step = Options.RetryEvery / 10;
        var advanced = TimeSpan.Zero;
        await Eventually.MatchesAsync(() => { _clock.Advance(step); advanced += step; return Task.FromResult(_lock.Taken); },
            taken => taken == 2, "the node to take its lock again");

        Assert.True(advanced >= Options.RetryEvery * (Leadership.StepBackTries - 0.1), $"tried again after {advanced}");
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_stopping_node_ends_its_work_before_it_releases_the_lock()
    {
        using var leadership = await LeadingAsync();

        await leadership.StopAsync(CancellationToken.None);

        Assert.False(leadership.IsLeader);
        // Released: another node's try takes it at once.
        Assert.NotNull(_lock.TryAcquire());
    }

    [Fact]
    public async Task Elected_work_that_fails_on_the_database_when_the_node_takes_the_lead_starts_again_in_the_same_term()
    {
        using var leadership = await LeadingAsync();
        using var stop = new CancellationTokenSource();
        var runs = 0;
        // As EF Core reports a session that PostgreSQL's restart ended, met by the take-over's first read.
        var working = leadership.WhileLeadingAsync(_ => Interlocked.Increment(ref runs) == 1
            ? throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
                new NpgsqlException("57P01: terminating connection due to administrator command"))
            : Task.CompletedTask, stop.Token);

        await Eventually.MatchesAsync(() => { _clock.Advance(Options.RetryEvery); return Task.FromResult(Volatile.Read(ref runs)); },
            r => r == 2, "the work to start again after a pause");
        Assert.False(working.IsCompleted, $"the work's service ended: {working.Exception?.InnerException?.Message}");
        Assert.True(leadership.IsLeader);
        Assert.Equal(1, _lock.Taken);

        await stop.CancelAsync();
        await working;
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_database_out_of_reach_for_three_minutes_makes_a_few_lines_without_stack_traces_not_one_per_try()
    {
        var logger = new CollectingLogger<Leadership>();
        _lock.Open();
        using var leadership = new Leadership(Microsoft.Extensions.Options.Options.Create(Options), _clock, logger, _lock);
        _lock.FailTries(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)));
        await leadership.StartAsync(CancellationToken.None);

        await Eventually.MatchesAsync(() => Task.FromResult(_lock.Tried), n => n == 1, "the first try");
        for (var i = 0; i < TimeSpan.FromMinutes(3) / Options.RetryEvery; i++)
        {
            var tried = _lock.Tried;
            // Ticking, not one step: the try is counted just before the node sets its timer for the next one, and a step
            // taken in between is lost (seen once on a loaded machine).
            await Eventually.TickingAsync(_clock, Options.RetryEvery, () => _lock.Tried > tried, "the next try");
        }
        _lock.FailTries(null);
        await Eventually.TickingAsync(_clock, Options.RetryEvery, () => leadership.IsLeader, "the node to lead once the database is back");

        var lines = logger.Entries;
        Assert.InRange(lines.Count(l => l.Level >= LogLevel.Warning), 1, 5);
        Assert.All(lines, l => Assert.Null(l.Exception));
        Assert.Contains(lines, l => l.Message.Contains("Failed to connect to 127.0.0.1:5432", StringComparison.Ordinal));
        await leadership.StopAsync(CancellationToken.None);
    }

    /// <summary>A started node that holds the (open) lock.</summary>
    private async Task<Leadership> LeadingAsync()
    {
        _lock.Open();
        var leadership = Elected();
        await leadership.StartAsync(CancellationToken.None);
        await Eventually.MatchesAsync(() => Task.FromResult(leadership.IsLeader), leads => leads, "the node to lead");
        return leadership;
    }

    private Leadership Elected() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), _clock, NullLogger<Leadership>.Instance, _lock);

    private static int TermCount(List<CancellationToken> terms)
    {
        lock (terms) return terms.Count;
    }
}
