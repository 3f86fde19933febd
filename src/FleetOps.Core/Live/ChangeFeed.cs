using Microsoft.Extensions.Logging;

namespace FleetOps.Core.Live;

/// <summary>
/// How a live store tells others what changed, in the manner of the Aspire dashboard's telemetry repository.
/// <see cref="Publish(IReadOnlyList{TChange})"/> (called by the store's writer, e.g. the event writer after COMMIT) only
/// hands the changes to each interested subscription and returns: no subscriber code runs on the writer's thread, so a
/// slow or throwing subscriber can neither delay nor fail a write. Each subscription delivers on the thread pool, one
/// call at a time: the first change after a quiet spell at once (leading edge), the ones arriving within its interval
/// after that together, once the interval has passed (trailing edge). A subscriber that falls behind by more than
/// <c>maxPending</c> changes is told <see cref="ChangeBatch{TChange}.EverythingChanged"/> instead of the list, so a stuck
/// page cannot make the server's memory grow. A throwing subscriber is logged and keeps its subscription.
/// </summary>
/// <param name="name">What changes, for the log ("fleet", "transaction book").</param>
/// <param name="time">Drives the intervals (a fake clock in tests).</param>
public sealed class ChangeFeed<TChange>(string name, TimeProvider time, ILogger logger, int maxPending = ChangeFeed<TChange>.DefaultMaxPending)
    : IChangeSource<TChange>
{
    /// <summary>
    /// Pages re-render at most this often while changes keep coming; a change after a quiet spell shows at once. Short
    /// enough that a change in a busy fleet still reaches the browser within about 150 ms.
    /// </summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    public const int DefaultMaxPending = 50_000;

    private readonly string _name = name;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;
    private readonly int _maxPending = maxPending;
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<TChange, bool>? relevant, Func<ChangeBatch<TChange>, Task> callback, TimeSpan? minInterval = null)
    {
        var subscription = new Subscription(this, relevant, callback, minInterval ?? DefaultInterval);
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>Tells every subscription that cares for one of <paramref name="changes"/>; returns without waiting for any.</summary>
    public void Publish(IReadOnlyList<TChange> changes)
    {
        if (changes.Count == 0) return;
        foreach (var subscription in Volatile.Read(ref _subscriptions)) subscription.Offer(changes);
    }

    public void Publish(TChange change) => Publish([change]);

    /// <summary>Tells every subscription that everything may have changed (a reload, or a relayed overflow).</summary>
    public void PublishEverythingChanged()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions)) subscription.Offer(null);
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
    }

    private sealed class Subscription : IDisposable
    {
        private readonly ChangeFeed<TChange> _feed;
        private readonly Func<TChange, bool>? _relevant;
        private readonly Func<ChangeBatch<TChange>, Task> _callback;
        private readonly TimeSpan _interval;
        private readonly ITimer _trailing;

        private readonly Lock _gate = new();
        private List<IReadOnlyList<TChange>> _pending = [];
        private int _pendingCount;
        private bool _overflowed;
        private bool _busy; // a delivery is queued, running, or waiting for the interval to pass
        private long? _lastDelivery;
        private bool _disposed;

        public Subscription(ChangeFeed<TChange> feed, Func<TChange, bool>? relevant, Func<ChangeBatch<TChange>, Task> callback, TimeSpan interval)
        {
            _feed = feed;
            _relevant = relevant;
            _callback = callback;
            _interval = interval;
            // Made here, on the subscriber's side, so the timer never carries a writer's execution context.
            _trailing = feed._time.CreateTimer(static s => ((Subscription)s!).Queue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        /// <summary>
        /// On the writer's thread: note the changes (null: everything changed) and make sure a delivery is on its way.
        /// Never calls the subscriber.
        /// </summary>
        public void Offer(IReadOnlyList<TChange>? changes)
        {
            if (changes is not null && !MayCare(changes)) return;
            var overflowed = false;
            lock (_gate)
            {
                if (_disposed) return;
                if (changes is null || (!_overflowed && _pendingCount + changes.Count > _feed._maxPending))
                {
                    overflowed = changes is not null && !_overflowed;
                    _overflowed = true;
                    _pending = [];
                    _pendingCount = 0;
                }
                else if (!_overflowed)
                {
                    _pending.Add(changes);
                    _pendingCount += changes.Count;
                }
                if (!_busy)
                {
                    _busy = true;
                    ScheduleLocked();
                }
            }
            if (overflowed) ChangeFeedLog.Overflowed(_feed._logger, _feed._name, _feed._maxPending);
        }

        /// <summary>Stops at the first relevant change, so a page that follows everything costs the writer one call.</summary>
        private bool MayCare(IReadOnlyList<TChange> changes)
        {
            if (_relevant is null) return true;
            try
            {
                foreach (var change in changes)
                {
                    if (_relevant(change)) return true;
                }
                return false;
            }
            catch (Exception)
            {
                return true; // the delivery runs the filter again, off the writer's thread, and logs what it throws
            }
        }

        /// <summary>Under the gate, with a delivery owed: now if the interval since the last one has passed, else when it has.</summary>
        private void ScheduleLocked()
        {
            var wait = _lastDelivery is { } last ? _interval - _feed._time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait <= TimeSpan.Zero) Queue();
            else _trailing.Change(wait, Timeout.InfiniteTimeSpan);
        }

        private void Queue() => ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.DeliverAsync(), this, preferLocal: false);

        private async Task DeliverAsync()
        {
            List<IReadOnlyList<TChange>> taken;
            bool everything;
            lock (_gate)
            {
                if (_disposed)
                {
                    _busy = false;
                    return;
                }
                (taken, _pending, _pendingCount) = (_pending, [], 0);
                (everything, _overflowed) = (_overflowed, false);
            }
            try
            {
                List<TChange> changes = everything ? [] : [.. taken.SelectMany(c => c).Where(c => _relevant?.Invoke(c) ?? true)];
                if (everything || changes.Count > 0)
                {
                    lock (_gate) _lastDelivery = _feed._time.GetTimestamp();
                    await _callback(new ChangeBatch<TChange>(changes, everything));
                }
            }
            catch (Exception ex)
            {
                ChangeFeedLog.SubscriberFailed(_feed._logger, ex, _feed._name);
            }
            lock (_gate)
            {
                if (_disposed || (_pendingCount == 0 && !_overflowed)) _busy = false;
                else ScheduleLocked();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                _pending = [];
                _pendingCount = 0;
            }
            _trailing.Dispose();
            _feed.Remove(this);
        }
    }
}
