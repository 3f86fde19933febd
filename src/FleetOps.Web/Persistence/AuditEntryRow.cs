namespace FleetOps.Web.Persistence;

/// <summary>One line of the append-only audit log.</summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public long AtMs { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? RemoteAddress { get; set; }
}
