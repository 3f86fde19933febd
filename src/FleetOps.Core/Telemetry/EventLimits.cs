using System.Globalization;

namespace FleetOps.Core.Telemetry;

/// <summary>
/// How old an event's <c>at</c> may be (issue 8, item 5). Idempotence rests on the stored event ids, so an event may
/// only be accepted while a resend of it would still be recognised as a duplicate:
/// a heartbeat no older than the heartbeat retention window (its row is deleted after that, by
/// <see cref="HeartbeatCutoff"/>, the one threshold the sweep and the parser share), and any event no older than
/// <see cref="MaxEventAge"/> (power and transaction rows are never deleted, so for them this is about usefulness:
/// a backlog older than that describes authorisations that have long expired, and year 0001 is a broken clock).
/// </summary>
public sealed record EventLimits(TimeSpan MaxEventAge, double HeartbeatRetentionHours)
{
    public const int DefaultMaxEventAgeDays = 60;
    public const double DefaultHeartbeatRetentionHours = 7 * 24;

    public static EventLimits Default { get; } = new(TimeSpan.FromDays(DefaultMaxEventAgeDays), DefaultHeartbeatRetentionHours);

    /// <summary>Heartbeats whose <c>at</c> is before this are deleted by the sweep and refused by the parser.</summary>
    public static DateTimeOffset HeartbeatCutoff(DateTimeOffset now, double retentionHours) =>
        now - TimeSpan.FromHours(EffectiveHours(retentionHours));

    /// <summary>The retention actually applied: at least one hour, whatever the setting says.</summary>
    public static double EffectiveHours(double retentionHours) => Math.Max(retentionHours, 1);

    /// <summary>Why an event at <paramref name="at"/> of type <paramref name="type"/> is too old, or null when it is not.</summary>
    public string? TooOld(EventType type, DateTimeOffset at, DateTimeOffset serverNow)
    {
        if (at < serverNow - MaxEventAge)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'at' is older than the {MaxEventAge.TotalDays:0.##}-day maximum event age: a backlog that old is no longer useful.");
        }
        if (type == EventType.Heartbeat && at < HeartbeatCutoff(serverNow, HeartbeatRetentionHours))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'at' is older than the {EffectiveHours(HeartbeatRetentionHours):0.##}-hour heartbeat retention window: such a heartbeat is deleted, so a resend of it could not be recognised as a duplicate.");
        }
        return null;
    }
}
