using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FleetState"/> on a fake clock, fed the way the event writer feeds it:
/// build the next snapshot with <see cref="TerminalSnapshot.WithEvents"/>, then <see cref="FleetState.Publish"/>.
/// </summary>
internal sealed class FleetHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private int _nextEventId;

    public FleetHarness(DetectionOptions? options = null)
    {
        Time = new FakeTimeProvider(Start);
        Fleet = new FleetState(Time, options ?? new DetectionOptions { OfflineAfterSeconds = 180 });
        Fleet.Changed += changed => Notifications.Add(changed);
    }

    public FakeTimeProvider Time { get; }
    public FleetState Fleet { get; }
    public List<IReadOnlyList<TerminalSnapshot>> Notifications { get; } = [];

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

    public HeartbeatEvent Heartbeat(string bootId = "b-1", DateTimeOffset? at = null, string app = "3.2.1", string firmware = "1.8.0") =>
        new($"h-{++_nextEventId}", at ?? Now, bootId, 60, app, firmware, PowerSource.Mains);

    public PowerEvent Power(PowerState state = PowerState.Lost, DateTimeOffset? at = null) =>
        new($"p-{++_nextEventId}", at ?? Now, state);

    public TransactionEvent Transaction(DateTimeOffset? at = null) =>
        new($"t-{++_nextEventId}", at ?? Now, $"tx-{_nextEventId}", TransactionStage.Authorized, 12800, "CNY");
}
