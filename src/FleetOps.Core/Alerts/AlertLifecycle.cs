namespace FleetOps.Core.Alerts;

/// <summary>
/// The alert rules of docs/api.md §5 as one pure step: given the latest alert of every subject and the conditions the
/// detectors see now, what opens, comes back, changes or resolves. At most one active alert per kind and subject; an
/// alert resolves by itself when its condition is gone; a condition back within the reopen window reopens the same
/// alert (one more occurrence) instead of a new one flapping open and shut.
/// </summary>
public static class AlertLifecycle
{
    /// <param name="latest">The newest alert of each subject (active, or the last resolved one).</param>
    /// <param name="conditions">Everything the detectors of <paramref name="kinds"/> find now (one per subject).</param>
    /// <param name="kinds">The kinds these conditions cover: only their alerts may resolve here — another detector's stay as they are.</param>
    /// <param name="touchEvery">How stale an active alert's <see cref="Alert.LastSeenAt"/> may get before it is written again.</param>
    public static IReadOnlyList<AlertChange> Step(
        IReadOnlyDictionary<AlertSubject, Alert> latest, IEnumerable<AlertCondition> conditions, IReadOnlySet<AlertKind> kinds,
        DateTimeOffset now, TimeSpan reopenWithin, TimeSpan touchEvery)
    {
        var changes = new List<AlertChange>();
        var seen = new HashSet<AlertSubject>();
        foreach (var condition in conditions)
        {
            if (!kinds.Contains(condition.Subject.Kind) || !seen.Add(condition.Subject)) continue;
            if (latest.GetValueOrDefault(condition.Subject) is not { } alert)
            {
                changes.Add(new AlertChange(Alert.Open(condition, now), AlertTransition.Opened));
            }
            else if (alert.IsActive)
            {
                if (alert.Severity != condition.Severity)
                    changes.Add(new AlertChange(alert with { Severity = condition.Severity, LastSeenAt = now }, AlertTransition.SeverityChanged));
                // Seen after now: the host's clock was set back since (NTP); kept, "last seen" would stay in the future
                // for as long as the clock had been ahead.
                else if (now - alert.LastSeenAt >= TouchAfter(alert, touchEvery) || alert.LastSeenAt > now)
                    changes.Add(new AlertChange(alert with { LastSeenAt = now }, AlertTransition.Seen));
            }
            else if (alert.ResolvedAt is { } resolvedAt && now - resolvedAt <= reopenWithin)
            {
                changes.Add(new AlertChange(alert with
                {
                    State = AlertState.Open, Severity = condition.Severity, LastSeenAt = now, Occurrences = alert.Occurrences + 1,
                    ResolvedAt = null, AcknowledgedAt = null, AcknowledgedBy = null, AcknowledgementNote = null,
                }, AlertTransition.Reopened));
            }
            else
            {
                changes.Add(new AlertChange(Alert.Open(condition, now), AlertTransition.Opened));
            }
        }
        foreach (var alert in latest.Values)
        {
            if (alert.IsActive && kinds.Contains(alert.Kind) && !seen.Contains(alert.Subject))
                changes.Add(new AlertChange(alert with { State = AlertState.Resolved, ResolvedAt = now }, AlertTransition.Resolved));
        }
        return changes;
    }

    /// <summary>
    /// When an active alert's <see cref="Alert.LastSeenAt"/> is written again: <paramref name="touchEvery"/>, plus up to a
    /// sixth of it by the alert's id. Alerts opened together (10,000 terminals offline at once) would otherwise all be
    /// rewritten in the same evaluation every few minutes — one large database write whose CPU stalls pages and requests on
    /// a small server (docs/benchmarks.md, issue 12); spread, each evaluation writes a slice, and stays spread.
    /// </summary>
    public static TimeSpan TouchAfter(Alert alert, TimeSpan touchEvery) => touchEvery + touchEvery * (alert.Id % TouchSlices) / (6.0 * TouchSlices);

    private const int TouchSlices = 16;

    /// <summary>Someone has seen the alert and says so; a resolved alert cannot be acknowledged (the caller answers 409).</summary>
    public static AlertChange? Acknowledge(Alert alert, string actor, string? note, DateTimeOffset now) =>
        alert.IsActive
            ? new AlertChange(alert with { State = AlertState.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = actor, AcknowledgementNote = note }, AlertTransition.Acknowledged)
            : null;
}
