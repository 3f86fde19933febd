namespace FleetOps.Web.Security;

public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Target, string? Details, string? RemoteAddress);
