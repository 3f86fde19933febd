using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Alerts;

/// <summary>Alerts and mutes to and from their rows: enumerations by wire name, times in Unix milliseconds.</summary>
public static class AlertMapping
{
    public static Alert ToAlert(this AlertRow r) => new(
        r.Id,
        new AlertSubject(Parse<AlertKind>(r.Kind), r.StoreCode, r.TerminalId),
        Parse<AlertSeverity>(r.Severity),
        Parse<AlertState>(r.State),
        At(r.OpenedAtMs), At(r.LastSeenAtMs), r.Occurrences,
        r.AcknowledgedAtMs is { } ack ? At(ack) : null, r.AcknowledgedBy, r.AcknowledgementNote,
        r.ResolvedAtMs is { } resolved ? At(resolved) : null);

    /// <summary>Writes the alert's state into its row (a new row when the alert has no id yet).</summary>
    public static AlertRow CopyTo(this Alert a, AlertRow? row = null)
    {
        row ??= new AlertRow { Kind = "", Severity = "", StoreCode = "", State = "" };
        row.Kind = a.Kind.ToWire();
        row.Severity = a.Severity.ToWire();
        row.StoreCode = a.StoreCode;
        row.TerminalId = a.TerminalId;
        row.State = a.State.ToWire();
        row.OpenedAtMs = a.OpenedAt.ToUnixTimeMilliseconds();
        row.LastSeenAtMs = a.LastSeenAt.ToUnixTimeMilliseconds();
        row.Occurrences = a.Occurrences;
        row.AcknowledgedAtMs = a.AcknowledgedAt?.ToUnixTimeMilliseconds();
        row.AcknowledgedBy = a.AcknowledgedBy;
        row.AcknowledgementNote = a.AcknowledgementNote;
        row.ResolvedAtMs = a.ResolvedAt?.ToUnixTimeMilliseconds();
        return row;
    }

    public static MuteWindow ToMute(this MuteRow r) => new(r.Id, r.StoreCode, r.TerminalId, At(r.FromMs), At(r.UntilMs), r.Reason, r.CreatedBy);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static T Parse<T>(string wire) where T : struct, Enum =>
        WireNames.TryParse(wire, out T value) ? value : throw new InvalidDataException($"Unknown {typeof(T).Name} '{wire}' in the database.");
}
