using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One card transaction of one terminal, merged from all its events (written by the event writer in the same
/// commit as the events). The whole record is kept as JSON; the columns are what queries filter on.
/// </summary>
public sealed class TransactionRow
{
    public required string TerminalId { get; set; }
    public required string TransactionId { get; set; }
    public required string StoreCode { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public long AuthorizedAtMs { get; set; }
    public required string LastStage { get; set; }
    public bool Closed { get; set; }
    public long? ClosedAtMs { get; set; }

    /// <summary>The bank's reference and authorisation code, as columns so that reconciliation reads no JSON (issue 16).</summary>
    public string? Rrn { get; set; }

    public string? AuthCode { get; set; }

    /// <summary>When the sale's batch was settled (its first <c>settled</c> mark); null while it is not.</summary>
    public long? SettledAtMs { get; set; }
    public required string RecordJson { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<TransactionRow>
{
    public void Configure(EntityTypeBuilder<TransactionRow> b)
    {
        b.ToTable("Transactions");
        b.HasKey(t => new { t.TerminalId, t.TransactionId });
        b.Property(t => t.TerminalId).HasMaxLength(64);
        b.Property(t => t.TransactionId).HasMaxLength(64);
        b.Property(t => t.StoreCode).HasMaxLength(32);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.Property(t => t.LastStage).HasMaxLength(16);
        b.Property(t => t.Rrn).HasMaxLength(12);
        b.Property(t => t.AuthCode).HasMaxLength(12);
        // Start-up loads the open ones; reports scan by store and time.
        b.HasIndex(t => new { t.Closed, t.AuthorizedAtMs });
        b.HasIndex(t => new { t.StoreCode, t.AuthorizedAtMs });
        // Start-up finds the open ones as ClosedAtMs IS NULL and recent reversals by range; the money-at-risk history
        // reads the recently closed ones.
        b.HasIndex(t => t.ClosedAtMs);
    }
}
