using FleetOps.Core.Fleet;

namespace FleetOps.Web.Live;

/// <summary>
/// Lets a page follow the fleet without flooding the browser: relevant changes mark it dirty, and it
/// re-renders at most once per <see cref="Interval"/> (the first change of a quiet period waits at most
/// that long, so updates still show within a second). Dispose with the page.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    private readonly FleetState _fleet;
    private readonly Func<IReadOnlyList<TerminalSnapshot>, bool> _relevant;
    private readonly Func<Task> _refresh;
    private readonly ITimer _timer;
    private readonly ITimer? _clock;
    private int _scheduled;
    private bool _disposed;

    /// <param name="clockEvery">Also refresh this often when nothing changes, so relative times ("2 min ago") age.</param>
    public LiveRefresh(FleetState fleet, TimeProvider time, Func<Task> refresh,
        Func<IReadOnlyList<TerminalSnapshot>, bool>? relevant = null, TimeSpan? clockEvery = null)
    {
        _fleet = fleet;
        _refresh = refresh;
        _relevant = relevant ?? (_ => true);
        _timer = time.CreateTimer(_ => _ = FireAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        fleet.Changed += OnChanged;
        if (clockEvery is { } every) _clock = time.CreateTimer(_ => Poke(), null, every, every);
    }

    /// <summary>Asks for a refresh as if the fleet had changed (e.g. for a clock-driven "2 min ago").</summary>
    public void Poke()
    {
        if (!_disposed && Interlocked.Exchange(ref _scheduled, 1) == 0) _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }

    private void OnChanged(IReadOnlyList<TerminalSnapshot> changed)
    {
        if (_relevant(changed)) Poke();
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
        _fleet.Changed -= OnChanged;
        _timer.Dispose();
        _clock?.Dispose();
    }
}
