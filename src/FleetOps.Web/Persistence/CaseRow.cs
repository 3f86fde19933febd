using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>The recovery case of one unsettled transaction (at most one per transaction: unique index).</summary>
public sealed class CaseRow
{
    public long Id { get; set; }
    public required string TerminalId { get; set; }
    public required string TransactionId { get; set; }
    public required string StoreCode { get; set; }
    public required string Step { get; set; }
    public string? Owner { get; set; }
    public string? BankReference { get; set; }
    public string? Outcome { get; set; }
    public long OpenedAtMs { get; set; }
    public required string OpenedBy { get; set; }
    public long? ResolvedAtMs { get; set; }
    public string? ResolvedBy { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRow>
{
    public void Configure(EntityTypeBuilder<CaseRow> b)
    {
        b.ToTable("Cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.TerminalId).HasMaxLength(64);
        b.Property(c => c.TransactionId).HasMaxLength(64);
        b.Property(c => c.StoreCode).HasMaxLength(32);
        b.Property(c => c.Step).HasMaxLength(32);
        b.Property(c => c.Owner).HasMaxLength(256);
        b.Property(c => c.BankReference).HasMaxLength(128);
        b.Property(c => c.Outcome).HasMaxLength(32);
        b.Property(c => c.OpenedBy).HasMaxLength(256);
        b.Property(c => c.ResolvedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.TerminalId, c.TransactionId }).IsUnique();
        // A change is written only over the row it was decided from: another node may have changed the case meanwhile.
        b.Property(c => c.UpdatedAtMs).IsConcurrencyToken();
    }
}
