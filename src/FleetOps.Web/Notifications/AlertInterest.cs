using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Which alerts a subscriber hears of, webhook or e-mail alike: the kinds (empty: all) at or above a severity
/// (<see cref="AlertSeverity"/> is ordered most urgent first). Stored as wire names, kinds comma-separated.
/// </summary>
public sealed record AlertInterest(IReadOnlySet<AlertKind> Kinds, AlertSeverity MinSeverity)
{
    public static readonly AlertInterest Everything = new(new HashSet<AlertKind>(), AlertSeverity.Info);

    public bool Matches(Alert alert) => alert.Severity <= MinSeverity && (Kinds.Count == 0 || Kinds.Contains(alert.Kind));

    public string KindsWire => string.Join(',', Kinds.Order().Select(k => k.ToWire()));

    /// <summary>For audit lines: <c>kinds: all; min severity: warning</c>.</summary>
    public string Describe() => $"kinds: {(Kinds.Count == 0 ? "all" : KindsWire)}; min severity: {MinSeverity.ToWire()}";

    public static AlertInterest FromWire(string kinds, string minSeverity) => new(
        kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse<AlertKind>).ToHashSet(), Parse<AlertSeverity>(minSeverity));

    /// <summary>
    /// The interest asked for, or null with the problems added to <paramref name="errors"/> by field (<c>kinds</c>,
    /// <c>minSeverity</c>); a severity left out is <paramref name="fallback"/>.
    /// </summary>
    public static AlertInterest? Check(IReadOnlyList<string>? kinds, string? minSeverity, AlertSeverity fallback, Dictionary<string, string[]> errors)
    {
        var known = new HashSet<AlertKind>();
        var unknown = new List<string>();
        foreach (var name in kinds ?? [])
        {
            if (name is not null && WireNames.TryParse(name, out AlertKind kind)) known.Add(kind);
            else unknown.Add(name is null ? "null" : $"'{name}'");
        }
        var valid = unknown.Count == 0;
        // Named, so a caller with a typo or the wrong letter case ("Offline") sees which one.
        if (!valid) errors["kinds"] = [$"'kinds' may hold only alert kinds of docs/api.md §5 (e.g. offline, unstable_power); unknown: {string.Join(", ", unknown)}."];
        var severity = fallback;
        if (minSeverity is not null && !WireNames.TryParse(minSeverity, out severity))
        {
            errors["minSeverity"] = ["'minSeverity' must be critical, warning or info."];
            valid = false;
        }
        return valid ? new AlertInterest(known, severity) : null;
    }

    /// <summary>A stored wire name; one FleetOps does not know means the database was written by something else.</summary>
    public static T Parse<T>(string wire) where T : struct, Enum =>
        WireNames.TryParse(wire, out T value) ? value : throw new InvalidDataException($"Unknown {typeof(T).Name} '{wire}' in the database.");
}
