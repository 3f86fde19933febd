using FleetOps.Core.Fleet;

namespace FleetOps.Web.Live;

/// <summary>
/// Lets a page follow the fleet without flooding the browser: relevant terminal changes poke a
/// <see cref="RefreshThrottle"/>, so the page re-renders at most once per <see cref="Interval"/>. Dispose with the page.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    private readonly FleetState _fleet;
    private readonly Func<IReadOnlyList<TerminalSnapshot>, bool> _relevant;
    private readonly RefreshThrottle _throttle;

    /// <param name="clockEvery">Also refresh this often when nothing changes, so relative times ("2 min ago") age.</param>
    public LiveRefresh(FleetState fleet, TimeProvider time, Func<Task> refresh,
        Func<IReadOnlyList<TerminalSnapshot>, bool>? relevant = null, TimeSpan? clockEvery = null)
    {
        _fleet = fleet;
        _relevant = relevant ?? (_ => true);
        _throttle = new RefreshThrottle(time, refresh, clockEvery);
        fleet.Changed += OnChanged;
    }

    /// <summary>Asks for a refresh as if the fleet had changed.</summary>
    public void Poke() => _throttle.Poke();

    private void OnChanged(IReadOnlyList<TerminalSnapshot> changed)
    {
        if (_relevant(changed)) _throttle.Poke();
    }

    public void Dispose()
    {
        _fleet.Changed -= OnChanged;
        _throttle.Dispose();
    }
}
