namespace FleetOps.Simulator;

internal sealed record TerminalTraits(bool FlakyPower, bool GoesSilent, bool OldVersion, bool SkipsSettlements);

internal enum BootReason
{
    // First power-on in this run: preceded by the clean 'shutdown' the terminal recorded when the
    // previous run stopped, so a restarted simulator does not look like a fleet-wide power loss.
    FirstStart,
    Restored,
    Unexpected,
    Clean,
}

/// <summary>
/// The state machine of one terminal: power, boots, heartbeats (this file) and card transactions
/// (TerminalTransactions.cs). Only the simulation loop calls it, so it needs no locking.
/// </summary>
internal sealed partial class TerminalBehaviour
{
    private static readonly TimeSpan MeanTimeBetweenFlaps = TimeSpan.FromMinutes(12);

    private readonly SimulationContext _ctx;
    private int _bootCount;
    private long _eventSequence;
    private DateTimeOffset _bootedAt;
    private bool _onBattery;
    private double _battery;
    private DateTimeOffset _batteryUpdatedAt;
    private bool _lowBatteryReported;
    private bool _upgradeScheduled;

    public TerminalBehaviour(SimulatedTerminal info, TerminalTraits traits, SimulationContext ctx)
    {
        Info = info;
        Traits = traits;
        _ctx = ctx;
        var options = ctx.Options;
        AppVersion = traits.OldVersion ? options.OldAppVersion : options.CurrentAppVersion;
        FirmwareVersion = traits.OldVersion ? options.OldFirmwareVersion : options.CurrentFirmwareVersion;
        HeartbeatInterval = options.HeartbeatInterval;
        // Countertop models run from the mains only; portables have a battery.
        HasBattery = !info.Model.StartsWith("V400", StringComparison.OrdinalIgnoreCase);
        _battery = 55 + 45 * ctx.Random.NextDouble();
        _batteryUpdatedAt = ctx.Now;
        BootId = "";
        InitialiseBatch(ctx.Now);
    }

    public SimulatedTerminal Info { get; }
    public TerminalTraits Traits { get; }
    public Outbox Outbox { get; } = new();
    public bool HasBattery { get; }
    public string AppVersion { get; private set; }
    public string FirmwareVersion { get; private set; }
    public TimeSpan HeartbeatInterval { get; private set; }
    public string BootId { get; private set; }

    /// <summary>Bumped on every power-off and boot; scheduled steps of an earlier power cycle lapse.</summary>
    public int Generation { get; private set; }

    public bool Powered { get; private set; }
    public bool Silent { get; private set; }
    public bool InStoreOutage { get; set; }

    // Delivery state, maintained by the loop.
    public bool Sending { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset NextSendAt { get; set; }

    public bool CanSend(DateTimeOffset now) => Powered && !Silent && !Sending && now >= NextSendAt && Outbox.Count > 0;

    public void Start()
    {
        // Power-ons are spread over one heartbeat interval so a large fleet does not beat in lockstep.
        _ctx.Schedule(_ctx.Fraction(HeartbeatInterval, 0, 1), ActionKind.PowerOn, this, Generation, BootReason.FirstStart);
        _ctx.Schedule(_ctx.Fraction(_ctx.Options.SettlementInterval, 0.05, 1), ActionKind.Settlement, this);
        ScheduleNextArrival();
        if (Traits.FlakyPower)
            _ctx.Schedule(_ctx.Exponential(MeanTimeBetweenFlaps), ActionKind.PowerFlap, this);
        if (Traits.GoesSilent)
            _ctx.Schedule(_ctx.Minutes(2, 10), ActionKind.SilenceStart, this);
    }

    public void PowerOn(BootReason reason)
    {
        // During a store outage only the store's power coming back (RestoreAfterStoreOutage) boots the terminal.
        if (Powered || InStoreOutage)
            return;
        Boot(reason);
    }

    public void RestoreAfterStoreOutage()
    {
        InStoreOutage = false;
        if (!Powered)
            Boot(BootReason.Restored);
    }

    private void Boot(BootReason reason)
    {
        Generation++;
        Powered = true;
        _bootCount++;
        BootId = $"{_ctx.RunNonce}.{_bootCount}";
        _eventSequence = 0;
        _bootedAt = _ctx.Now;
        _onBattery = false;
        _lowBatteryReported = false;
        UpdateBattery();

        if (reason == BootReason.FirstStart)
            Emit(PowerEvent(PowerStates.Shutdown, _ctx.EventTime.AddSeconds(-2)));
        else if (reason == BootReason.Restored)
            Emit(PowerEvent(PowerStates.Restored, _ctx.EventTime));

        _ctx.Schedule(_ctx.Seconds(1, 4), ActionKind.Heartbeat, this, Generation);
        ScheduleReversalsAfterBoot();
        _ctx.Pending.Add(this); // anything queued before the power went is forwarded now
    }

    /// <param name="state">The power event recorded on the way down, or null for a crash that leaves no trace.</param>
    public void PowerOff(string? state)
    {
        if (!Powered)
            return;
        if (state is not null)
        {
            UpdateBattery();
            Emit(PowerEvent(state, _ctx.EventTime));
        }
        InterruptCurrentTransaction();
        Generation++;
        Powered = false;
    }

    private void ScheduleBoot(TimeSpan delay, BootReason reason) =>
        _ctx.Schedule(delay, ActionKind.PowerOn, this, Generation, reason);

    public void HeartbeatTick()
    {
        if (!Silent)
            EmitHeartbeat();
        _ctx.Schedule(_ctx.Fraction(HeartbeatInterval, 0.9, 1.1), ActionKind.Heartbeat, this, Generation);
    }

    private void EmitHeartbeat()
    {
        UpdateBattery();
        Emit(new TelemetryEvent
        {
            Id = NextEventId(),
            Type = EventTypes.Heartbeat,
            At = _ctx.EventTime,
            BootId = BootId,
            UptimeSeconds = (long)(_ctx.Now - _bootedAt).TotalSeconds,
            AppVersion = AppVersion,
            FirmwareVersion = FirmwareVersion,
            PowerSource = _onBattery ? "battery" : "mains",
            BatteryPercent = HasBattery ? (int)Math.Round(_battery) : null,
            PendingReversals = PendingReversals,
            OpenBatchCount = _openBatch.Count,
            OpenBatchAmountMinor = OpenBatchAmountMinor,
            Currency = _ctx.Options.Currency,
        });
    }

    public void PowerFlap()
    {
        _ctx.Schedule(_ctx.Exponential(MeanTimeBetweenFlaps), ActionKind.PowerFlap, this);
        if (!Powered || Silent || _onBattery || InStoreOutage)
            return;
        var roll = _ctx.Random.NextDouble();
        if (roll < 0.5 && HasBattery)
        {
            // Loose cable or failing supply: the battery carries the terminal through.
            Emit(PowerEvent(PowerStates.Lost, _ctx.EventTime));
            _onBattery = true;
            _ctx.Schedule(_ctx.Seconds(15, 150), ActionKind.FlapRestore, this, Generation);
        }
        else if (roll >= 0.5 && roll < 0.7)
        {
            Emit(PowerEvent(PowerStates.Brownout, _ctx.EventTime));
        }
        else if (roll < 0.85)
        {
            // No battery, or an empty one: the terminal goes down with the mains.
            PowerOff(PowerStates.Lost);
            ScheduleBoot(_ctx.Seconds(20, 120), BootReason.Restored);
        }
        else
        {
            // Crash or brief dip that resets the device before it can record anything.
            PowerOff(null);
            ScheduleBoot(_ctx.Seconds(15, 60), BootReason.Unexpected);
        }
    }

    public void FlapRestore()
    {
        UpdateBattery();
        _onBattery = false;
        Emit(PowerEvent(PowerStates.Restored, _ctx.EventTime));
    }

    public void StoreOutageLost()
    {
        InStoreOutage = true;
        PowerOff(PowerStates.Lost);
    }

    public void SilenceStart()
    {
        Silent = true;
        _ctx.Log?.Invoke($"{Info.TerminalId} stops reporting (simulated network loss)");
        _ctx.Schedule(_ctx.Minutes(20, 90), ActionKind.SilenceEnd, this);
    }

    public void SilenceEnd()
    {
        Silent = false;
        _ctx.Log?.Invoke($"{Info.TerminalId} reports again");
        if (Powered)
            EmitHeartbeat();
        _ctx.Pending.Add(this);
        _ctx.Schedule(_ctx.Minutes(10, 40), ActionKind.SilenceStart, this);
    }

    public void ApplyDirectives(TelemetryDirectives directives)
    {
        // The server may ask for more frequent heartbeats, but never for fewer than configured: whoever runs
        // the simulator (a test with a short offline threshold, say) relies on the configured interval.
        if (directives.HeartbeatIntervalSeconds is > 0 and var seconds)
        {
            var requested = TimeSpan.FromSeconds(seconds);
            HeartbeatInterval = requested < _ctx.Options.HeartbeatInterval ? requested : _ctx.Options.HeartbeatInterval;
        }

        // Terminals on the old version model devices whose auto-update is broken: they stay behind.
        if (Traits.OldVersion || _upgradeScheduled)
            return;
        var app = IsNewer(directives.TargetAppVersion, AppVersion) ? directives.TargetAppVersion! : AppVersion;
        var firmware = IsNewer(directives.TargetFirmwareVersion, FirmwareVersion) ? directives.TargetFirmwareVersion! : FirmwareVersion;
        if (app == AppVersion && firmware == FirmwareVersion)
            return;
        _upgradeScheduled = true;
        _ctx.Schedule(_ctx.Minutes(1, 10), ActionKind.Upgrade, this, payload: (app, firmware));
    }

    public void Upgrade((string App, string Firmware) target)
    {
        if (!Powered || _current is not null)
        {
            _ctx.Schedule(TimeSpan.FromMinutes(1), ActionKind.Upgrade, this, payload: target);
            return;
        }
        _upgradeScheduled = false;
        PowerOff(PowerStates.Shutdown);
        AppVersion = target.App;
        FirmwareVersion = target.Firmware;
        ScheduleBoot(_ctx.Seconds(30, 120), BootReason.Clean);
    }

    private static bool IsNewer(string? candidate, string current) =>
        candidate is not null && Version.TryParse(candidate, out var c) && Version.TryParse(current, out var v) && c > v;

    private void UpdateBattery()
    {
        var minutes = Math.Max(0, (_ctx.Now - _batteryUpdatedAt).TotalMinutes);
        _batteryUpdatedAt = _ctx.Now;
        if (!HasBattery)
            return;
        _battery = _onBattery ? Math.Max(1, _battery - 0.8 * minutes) : Math.Min(100, _battery + 2 * minutes);
        if (_onBattery && _battery < 15 && !_lowBatteryReported && Powered)
        {
            _lowBatteryReported = true;
            Emit(PowerEvent(PowerStates.LowBattery, _ctx.EventTime));
        }
    }

    private TelemetryEvent PowerEvent(string state, DateTimeOffset at) => new()
    {
        Id = NextEventId(),
        Type = EventTypes.Power,
        At = at,
        State = state,
        BatteryPercent = HasBattery ? (int)Math.Round(_battery) : null,
    };

    // "<nonce>.<boot>-e<sequence>": the letter keeps the boot count's digits and the sequence's apart, so no event id
    // holds 13 or more digits between letters, which the server's card-number guard would refuse.
    private string NextEventId() => $"{BootId}-e{++_eventSequence}";

    private void Emit(TelemetryEvent telemetryEvent)
    {
        Outbox.Add(telemetryEvent);
        _ctx.Pending.Add(this);
    }
}
