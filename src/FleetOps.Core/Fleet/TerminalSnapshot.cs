using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Fleet;

/// <summary>
/// Everything FleetOps knows about one terminal right now. Immutable: the event writer builds the next
/// snapshot from the current one, commits, and only then publishes it, so memory never runs ahead of the database.
/// </summary>
public sealed record TerminalSnapshot(TerminalRegistration Registration)
{
    public string TerminalId => Registration.TerminalId;
    public string StoreCode => Registration.StoreCode;
    public string Model => Registration.Model;

    /// <summary>Newest event time the terminal reported.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>Server time of the last request that delivered an event; connectivity is judged on this.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    public HeartbeatFacts? Heartbeat { get; init; }

    /// <summary>Current power source: the newest of heartbeat and power events decides.</summary>
    public PowerSource? PowerSource { get; init; }
    public int? BatteryPercent { get; init; }
    public DateTimeOffset? PowerFactsAt { get; init; }

    public PowerHistory Power { get; init; } = PowerHistory.Empty;
    public TerminalAssessment Assessment { get; init; } = TerminalAssessment.Unknown;

    /// <summary>Since when it reports its current app and firmware versions (the heartbeat that first reported them).</summary>
    public DateTimeOffset? VersionsSince { get; init; }

    /// <summary>The newest software event: what the terminal last said about an update, a failure's error included.</summary>
    public SoftwareActivity? Software { get; init; }

    /// <summary>
    /// The application version the terminal runs: an <c>installed</c> event newer than the last heartbeat counts at once,
    /// as a heartbeat reporting that version would (docs/api.md §7), so the status does not wait for the next heartbeat.
    /// </summary>
    public string? AppVersion => Software is { State: SoftwareState.Installed } installed && (Heartbeat is null || installed.At > Heartbeat.At)
        ? installed.Version
        : Heartbeat?.AppVersion;
    public string? FirmwareVersion => Heartbeat?.FirmwareVersion;

    /// <summary>Applies accepted events (any order) received at <paramref name="receivedAt"/>.</summary>
    public TerminalSnapshot WithEvents(IEnumerable<TelemetryEvent> events, DateTimeOffset receivedAt, TimeSpan powerHorizon)
    {
        var next = this;
        var any = false;
        foreach (var e in events)
        {
            any = true;
            next = next.With(e);
        }
        if (!any) return this;
        return next with
        {
            LastContactAt = next.LastContactAt is { } contact && contact > receivedAt ? contact : receivedAt,
            Power = next.Power.Trim(receivedAt - powerHorizon),
        };
    }

    /// <summary>Records that the terminal was heard from at <paramref name="receivedAt"/> without new events.</summary>
    public TerminalSnapshot WithContact(DateTimeOffset receivedAt) =>
        LastContactAt is { } contact && contact >= receivedAt ? this : this with { LastContactAt = receivedAt };

    private TerminalSnapshot With(TelemetryEvent e)
    {
        var next = this with
        {
            LastSeenAt = LastSeenAt is { } seen && seen >= e.At ? seen : e.At,
            Power = Power.With(e),
        };
        var newerPowerFact = PowerFactsAt is not { } factsAt || e.At >= factsAt;
        switch (e)
        {
            case HeartbeatEvent heartbeat:
                if (Heartbeat is null || heartbeat.At >= Heartbeat.At)
                {
                    var changed = Heartbeat is null || Heartbeat.AppVersion != heartbeat.AppVersion || Heartbeat.FirmwareVersion != heartbeat.FirmwareVersion;
                    next = next with
                    {
                        Heartbeat = HeartbeatFacts.From(heartbeat, Heartbeat),
                        VersionsSince = changed || VersionsSince is null ? heartbeat.At : VersionsSince,
                    };
                }
                if (newerPowerFact)
                {
                    next = next with
                    {
                        PowerSource = heartbeat.PowerSource,
                        BatteryPercent = heartbeat.BatteryPercent ?? BatteryPercent,
                        PowerFactsAt = heartbeat.At,
                    };
                }
                break;
            case SoftwareEvent software when Software is null || software.At >= Software.At:
                next = next with { Software = SoftwareActivity.From(software) };
                break;
            case PowerEvent power when newerPowerFact:
                next = next with
                {
                    PowerSource = power.State switch
                    {
                        PowerState.OnBattery or PowerState.LowBattery => Telemetry.PowerSource.Battery,
                        PowerState.Restored => Telemetry.PowerSource.Mains,
                        _ => PowerSource,
                    },
                    BatteryPercent = power.BatteryPercent ?? BatteryPercent,
                    PowerFactsAt = power.At,
                };
                break;
        }
        return next;
    }
}
