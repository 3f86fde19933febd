using FleetOps.Core.Live;
using FleetOps.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Live;

/// <summary>
/// The one subscription mechanism of the live stores (issue 9): the writer only hands changes over, subscribers hear
/// them on the thread pool one call at a time, a failing or slow subscriber harms nobody else, and pages get the first
/// change after a quiet spell at once and later ones at a bounded rate. Time is a fake clock; nothing sleeps.
/// </summary>
public class ChangeFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();

    private ChangeFeed<int> Feed(int maxPending = ChangeFeed<int>.DefaultMaxPending) => new("test", _clock, _log, maxPending);

    [Fact]
    public async Task Publishing_returns_before_the_callback_and_the_callback_never_runs_on_the_publishers_thread()
    {
        var feed = Feed();
        using var returned = new ManualResetEventSlim();
        var calledOn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Subscribe(null, _ =>
        {
            // Were the callback run inside Publish, this would wait for Publish to return: a deadlock, so a timeout.
            var publishReturned = returned.Wait(Patience);
            calledOn.TrySetResult(publishReturned ? Environment.CurrentManagedThreadId : -1);
            return Task.CompletedTask;
        });
        var publisherThread = 0;
        var publisher = new Thread(() =>
        {
            publisherThread = Environment.CurrentManagedThreadId;
            feed.Publish(1);
            returned.Set();
            // Busy until the callback ran, so the callback cannot have borrowed this thread.
            calledOn.Task.Wait(Patience);
        });

        publisher.Start();
        var callbackThread = await calledOn.Task.WaitAsync(Patience);
        publisher.Join();

        Assert.NotEqual(-1, callbackThread);
        Assert.NotEqual(publisherThread, callbackThread);
    }

    [Fact]
    public async Task A_throwing_subscriber_is_logged_and_neither_it_nor_the_others_miss_later_changes()
    {
        var feed = Feed();
        var thrown = new Heard();
        var other = new Heard();
        feed.Subscribe(null, changes =>
        {
            thrown.Add(changes);
            throw new InvalidOperationException("The render handle is not yet assigned.");
        }, TimeSpan.Zero);
        feed.Subscribe(null, other.AddAsync, TimeSpan.Zero);

        feed.Publish(1);
        await other.CountReachesAsync(1);
        feed.Publish(2);
        await other.CountReachesAsync(2);
        await thrown.CountReachesAsync(2);

        Assert.Equal([1, 2], other.Changes);
        Assert.Equal([1, 2], thrown.Changes);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_slow_subscriber_blocks_neither_the_publisher_nor_the_others_and_then_gets_what_it_missed_in_one_call()
    {
        var feed = Feed();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new Heard();
        var fast = new Heard();
        feed.Subscribe(null, async changes =>
        {
            slow.Add(changes);
            await release.Task;
        }, TimeSpan.Zero);
        feed.Subscribe(null, fast.AddAsync, TimeSpan.Zero);

        feed.Publish(1);
        await slow.CountReachesAsync(1);
        feed.Publish(2);
        feed.Publish(3);
        await fast.CountReachesAsync(3);
        Assert.Single(slow.Batches);

        release.SetResult();
        await slow.CountReachesAsync(3);

        Assert.Equal([[1], [2, 3]], slow.Batches);
    }

    [Fact]
    public async Task The_first_change_after_a_quiet_spell_is_delivered_at_once_and_the_next_ones_once_per_interval()
    {
        var feed = Feed();
        var page = new Heard(_clock);
        var witness = new Heard();
        feed.Subscribe(null, page.AddAsync, Interval);
        feed.Subscribe(null, witness.AddAsync, TimeSpan.Zero);
        var start = _clock.GetUtcNow();

        feed.Publish(1);
        await page.CountReachesAsync(1);

        feed.Publish(2);
        feed.Publish(3);
        await witness.CountReachesAsync(3);
        _clock.Advance(Interval);
        await page.CountReachesAsync(3);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var quietAgain = _clock.GetUtcNow();
        feed.Publish(4);
        await page.CountReachesAsync(4);

        Assert.Equal([[1], [2, 3], [4]], page.Batches);
        Assert.Equal([start, start + Interval, quietAgain], page.Times);
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more_not_even_what_was_waiting_for_its_interval()
    {
        var feed = Feed();
        var page = new Heard();
        var witness = new Heard();
        var subscription = feed.Subscribe(null, page.AddAsync, Interval);
        feed.Subscribe(null, witness.AddAsync, TimeSpan.Zero);

        feed.Publish(1);
        await page.CountReachesAsync(1);
        feed.Publish(2);
        subscription.Dispose();
        _clock.Advance(Interval * 2);
        feed.Publish(3);
        await witness.CountReachesAsync(3);

        Assert.Equal([1], page.Changes);
    }

    [Fact]
    public async Task A_subscriber_that_falls_too_far_behind_is_told_everything_changed_instead_of_keeping_a_growing_list()
    {
        var feed = Feed(maxPending: 3);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new Heard();
        var everything = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Subscribe(null, async changes =>
        {
            slow.Add(changes);
            if (changes.EverythingChanged) everything.TrySetResult();
            await release.Task;
        }, TimeSpan.Zero);

        feed.Publish(1);
        await slow.CountReachesAsync(1);
        foreach (var change in new[] { 2, 3, 4, 5 }) feed.Publish(change);
        release.SetResult();
        await everything.Task.WaitAsync(Patience);
        feed.Publish(6);
        await slow.CountReachesAsync(3);

        Assert.Equal([[1], [], [6]], slow.Batches);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_subscription_hears_only_the_changes_its_filter_keeps()
    {
        var feed = Feed();
        var evens = new Heard();
        var witness = new Heard();
        feed.Subscribe(n => n % 2 == 0, evens.AddAsync, TimeSpan.Zero);
        feed.Subscribe(null, witness.AddAsync, TimeSpan.Zero);

        feed.Publish([1, 2, 3]);
        feed.Publish(5);
        feed.Publish(4);
        await witness.CountReachesAsync(5);
        await evens.CountReachesAsync(2);

        Assert.Equal([2, 4], evens.Changes);
    }

    /// <summary>What one subscriber heard: each call's changes and (with a clock) when, and a way to wait for them.</summary>
    private sealed class Heard(TimeProvider? clock = null)
    {
        private readonly List<int[]> _batches = [];
        private readonly List<DateTimeOffset> _times = [];
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiting = [];

        public IReadOnlyList<int[]> Batches
        {
            get
            {
                lock (_batches) return [.. _batches];
            }
        }

        public IReadOnlyList<int> Changes => [.. Batches.SelectMany(b => b)];

        public IReadOnlyList<DateTimeOffset> Times
        {
            get
            {
                lock (_batches) return [.. _times];
            }
        }

        public void Add(ChangeBatch<int> changes)
        {
            lock (_batches)
            {
                _batches.Add([.. changes]);
                if (clock is not null) _times.Add(clock.GetUtcNow());
                // An "everything changed" call counts as one, so a test can wait for it like for a change.
                var count = _batches.Sum(b => Math.Max(b.Length, 1));
                foreach (var (wanted, reached) in _waiting.Where(w => w.Count <= count)) reached.TrySetResult();
            }
        }

        public Task AddAsync(ChangeBatch<int> changes)
        {
            Add(changes);
            return Task.CompletedTask;
        }

        public Task CountReachesAsync(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_batches)
            {
                if (_batches.Sum(b => Math.Max(b.Length, 1)) >= count) return Task.CompletedTask;
                _waiting.Add((count, reached));
            }
            return reached.Task.WaitAsync(Patience);
        }
    }
}
