namespace FleetOps.Web.Demo;

/// <summary>
/// The clock the demo's past is told on (<see cref="DemoMaintenanceHistory"/>): the real services, given this clock, stamp
/// a visit done six weeks ago with that day's time — in the work order, its audit line and its mute — as they would have
/// then. It only moves when told; nothing waits on it.
/// </summary>
internal sealed class HistoryClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
