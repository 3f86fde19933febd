using FleetOps.Core.Alerts;
using FleetOps.Web.Alerts;

namespace FleetOps.Web.Api;

/// <summary>An alert as docs/api.md §5 gives it.</summary>
public sealed record AlertDto(
    long Id, AlertKind Kind, AlertSeverity Severity, string StoreCode, string? TerminalId, AlertState State, bool Muted, string Title,
    DateTimeOffset OpenedAt, DateTimeOffset LastSeenAt, int Occurrences, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt)
{
    public static AlertDto From(Alert a, bool muted) => new(a.Id, a.Kind, a.Severity, a.StoreCode, a.TerminalId, a.State, muted,
        AlertTitle.Of(a), a.OpenedAt, a.LastSeenAt, a.Occurrences, a.AcknowledgedAt, a.AcknowledgedBy, a.ResolvedAt);
}
