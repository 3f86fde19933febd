namespace FleetOps.Web.Components.Shared;

/// <summary>
/// Progress of a long import for a page's progress bar. Reports arrive on the importer's own thread (a
/// <see cref="Progress{T}"/> would post every one of them through the circuit): each report updates the page's figures at
/// once, and the page is asked to render at most once per interval (100 ms) — and always for the last report, so the bar
/// never stops short of the end.
/// </summary>
public sealed class ThrottledProgress<T>(Action<T> update, Func<T, bool> isLast, Action render, TimeProvider time, TimeSpan? every = null)
    : IProgress<T>
{
    private readonly TimeSpan _every = every ?? TimeSpan.FromMilliseconds(100);
    private long _lastRender;

    public void Report(T value)
    {
        update(value);
        var now = time.GetTimestamp();
        if (_lastRender != 0 && time.GetElapsedTime(_lastRender, now) < _every && !isLast(value)) return;
        _lastRender = now;
        render();
    }
}
