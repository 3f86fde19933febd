namespace FleetOps.Core.Alerts;

/// <summary>
/// One alert (docs/api.md §5). <see cref="Id"/> is 0 until it is saved. <see cref="LastSeenAt"/> is when its condition
/// was last confirmed; <see cref="Occurrences"/> counts how often it came back within the reopen window instead of a
/// new alert opening.
/// </summary>
public sealed record Alert(
    long Id,
    AlertSubject Subject,
    AlertSeverity Severity,
    AlertState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastSeenAt,
    int Occurrences,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt)
{
    public AlertKind Kind => Subject.Kind;
    public string StoreCode => Subject.StoreCode;
    public string? TerminalId => Subject.TerminalId;

    /// <summary>Open or acknowledged: its condition still holds.</summary>
    public bool IsActive => State != AlertState.Resolved;

    public static Alert Open(AlertCondition condition, DateTimeOffset now) =>
        new(0, condition.Subject, condition.Severity, AlertState.Open, condition.Since <= now ? condition.Since : now, now, 1, null, null, null, null);
}
