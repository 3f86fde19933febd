namespace FleetOps.Core.Alerts;

/// <summary>A detector's finding right now: the subject is in trouble, this severe, since this moment.</summary>
public sealed record AlertCondition(AlertSubject Subject, AlertSeverity Severity, DateTimeOffset Since);
