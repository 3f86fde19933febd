using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FleetState"/> on a fake clock, fed the way the event writer feeds it:
/// build the next snapshot with <see cref="TerminalSnapshot.WithEvents"/>, then <see cref="FleetState.Publish"/>.
/// It also subscribes to the fleet like a page does, without an interval, and tells what subscribers heard (<see cref="Heard"/>).
/// </summary>
internal sealed class FleetHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private const string MarkerStore = "ZZ-MARKERS";

    private readonly List<TerminalSnapshot> _heard = [];
    private (string TerminalId, TaskCompletionSource Seen)? _awaitedMarker;
    private int _nextEventId;
    private int _markers;

    public FleetHarness(DetectionOptions? options = null)
    {
        Time = new FakeTimeProvider(Start);
        Fleet = new FleetState(Time, options ?? new DetectionOptions { OfflineAfterSeconds = 180 });
        Fleet.Subscribe(null, Hear, minInterval: TimeSpan.Zero);
    }

    public FakeTimeProvider Time { get; }
    public FleetState Fleet { get; }

    /// <summary>
    /// Every change a subscriber heard since <see cref="ForgetHeard"/>, oldest first, once it has heard all that was
    /// announced so far: a marker terminal is registered in a store of its own and awaited — a subscription hears changes
    /// in order, so whatever was announced before the marker has been heard by then.
    /// </summary>
    public IReadOnlyList<TerminalSnapshot> Heard()
    {
        var marker = $"MARK-{++_markers}";
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_heard) _awaitedMarker = (marker, seen);
        Fleet.Register(new TerminalRegistration(marker, MarkerStore, "MARKER", marker));
        if (!seen.Task.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("The fleet's subscriber never heard the marker.");
        lock (_heard) return _heard.Where(t => t.StoreCode != MarkerStore).ToList();
    }

    public void ForgetHeard()
    {
        Heard();
        lock (_heard) _heard.Clear();
    }

    private Task Hear(ChangeBatch<TerminalSnapshot> changed)
    {
        lock (_heard)
        {
            _heard.AddRange(changed);
            if (_awaitedMarker is { } awaited && changed.Any(t => t.TerminalId == awaited.TerminalId)) awaited.Seen.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public DateTimeOffset Now => Time.GetUtcNow();

    public TerminalSnapshot this[string terminalId] => Fleet.Get(terminalId) ?? throw new KeyNotFoundException(terminalId);

    public void Register(string terminalId, string store = "SH-001", string model = "A920") =>
        Fleet.Register(new TerminalRegistration(terminalId, store, model, $"SN-{terminalId}"));

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Builds the terminal's next snapshot from <paramref name="events"/> received now (not yet published).</summary>
    public TerminalSnapshot Build(string terminalId, params TelemetryEvent[] events) =>
        this[terminalId].WithEvents(events, Now, Fleet.PowerHorizon);

    /// <summary>Delivers one request's events, received now.</summary>
    public TerminalSnapshot Deliver(string terminalId, params TelemetryEvent[] events)
    {
        Fleet.Publish([Build(terminalId, events)]);
        return this[terminalId];
    }

    public HeartbeatEvent Heartbeat(string bootId = "b-1", DateTimeOffset? at = null, string app = "3.2.1", string firmware = "1.8.0",
        PowerSource source = PowerSource.Mains) =>
        new($"h-{++_nextEventId}", at ?? Now, bootId, 60, app, firmware, source);

    public PowerEvent Power(PowerState state = PowerState.Lost, DateTimeOffset? at = null) =>
        new($"p-{++_nextEventId}", at ?? Now, state);

    public TransactionEvent Transaction(DateTimeOffset? at = null) =>
        new($"t-{++_nextEventId}", at ?? Now, $"tx-{_nextEventId}", TransactionStage.Authorized, 12800, "CNY");
}
