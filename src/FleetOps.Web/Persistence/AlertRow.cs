using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One alert (docs/api.md §5); kind, severity and state by their wire names. Times in Unix milliseconds like every table.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Severity { get; set; }
    public required string StoreCode { get; set; }
    public string? TerminalId { get; set; }
    public required string State { get; set; }
    public long OpenedAtMs { get; set; }
    public long LastSeenAtMs { get; set; }
    public int Occurrences { get; set; }
    public long? AcknowledgedAtMs { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
    public long? ResolvedAtMs { get; set; }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<AlertRow>
{
    public void Configure(EntityTypeBuilder<AlertRow> b)
    {
        b.ToTable("Alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.Severity).HasMaxLength(16);
        b.Property(a => a.StoreCode).HasMaxLength(32);
        b.Property(a => a.TerminalId).HasMaxLength(64);
        b.Property(a => a.State).HasMaxLength(16);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Property(a => a.AcknowledgementNote).HasMaxLength(2000);
        // Every column a change can move is checked on update: a node writes an alert only if the row is still the state
        // its decision was made from. Another node (the elected evaluator, a person acknowledging there) may have changed it
        // in the second before its change reached this node's book; a blind update would undo that change.
        b.Property(a => a.Severity).IsConcurrencyToken();
        b.Property(a => a.State).IsConcurrencyToken();
        b.Property(a => a.OpenedAtMs).IsConcurrencyToken();
        b.Property(a => a.LastSeenAtMs).IsConcurrencyToken();
        b.Property(a => a.Occurrences).IsConcurrencyToken();
        b.Property(a => a.AcknowledgedAtMs).IsConcurrencyToken();
        b.Property(a => a.ResolvedAtMs).IsConcurrencyToken();
        // The list's filters and its order (newest first); the lifecycle finds a subject's latest alert.
        b.HasIndex(a => new { a.State, a.OpenedAtMs });
        b.HasIndex(a => new { a.StoreCode, a.OpenedAtMs });
        b.HasIndex(a => new { a.Kind, a.StoreCode, a.TerminalId });
    }
}
