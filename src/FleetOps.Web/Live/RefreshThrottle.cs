namespace FleetOps.Web.Live;

/// <summary>
/// The timing half of a live page: <see cref="Poke"/> marks the page dirty, and it re-renders at most once per
/// <see cref="LiveRefresh.Interval"/> (the first poke of a quiet period waits at most that long, so updates still show
/// within a second). Optionally pokes itself on a clock so relative times ("2 min ago") age. Dispose with the page.
/// </summary>
public sealed class RefreshThrottle : IDisposable
{
    private readonly Func<Task> _refresh;
    private readonly ITimer _timer;
    private readonly ITimer? _clock;
    private int _scheduled;
    private volatile bool _disposed;

    public RefreshThrottle(TimeProvider time, Func<Task> refresh, TimeSpan? clockEvery = null)
    {
        _refresh = refresh;
        _timer = time.CreateTimer(_ => _ = FireAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (clockEvery is { } every) _clock = time.CreateTimer(_ => Poke(), null, every, every);
    }

    /// <summary>Asks for a refresh; many pokes within one interval give one refresh.</summary>
    public void Poke()
    {
        if (!_disposed && Interlocked.Exchange(ref _scheduled, 1) == 0) _timer.Change(LiveRefresh.Interval, Timeout.InfiniteTimeSpan);
    }

    private async Task FireAsync()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        if (_disposed) return;
        try
        {
            await _refresh();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the change and the render.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        _clock?.Dispose();
    }
}
