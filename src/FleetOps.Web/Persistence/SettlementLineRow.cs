using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One imported line of a settlement report with what matching made of it: the acquirer's fields (no card data beyond
/// the masked PAN the report printed), the outcome (<c>MatchKind</c> wire name), the FleetOps sale it concerns when there
/// is one, and the store it belongs to (found from the merchant or terminal id), which scopes who sees it.
/// <see cref="Fingerprint"/> identifies the same line in another file (a duplicate row, never a second credit).
/// </summary>
public sealed class SettlementLineRow
{
    public long ReportId { get; set; }
    public int Row { get; set; }
    public DateOnly BookedOn { get; set; }
    public required string MerchantId { get; set; }
    public required string AcquirerTerminalId { get; set; }
    public required string Rrn { get; set; }
    public string? AuthCode { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public string? MaskedPan { get; set; }
    public required string Type { get; set; }
    public long FeeMinor { get; set; }
    public required string Kind { get; set; }
    public string? StoreCode { get; set; }
    public string? TerminalId { get; set; }
    public string? TransactionId { get; set; }
    public long Fingerprint { get; set; }
}

internal sealed class SettlementLineConfiguration : IEntityTypeConfiguration<SettlementLineRow>
{
    public void Configure(EntityTypeBuilder<SettlementLineRow> b)
    {
        b.ToTable("SettlementLines");
        b.HasKey(l => new { l.ReportId, l.Row });
        b.Property(l => l.MerchantId).HasMaxLength(64);
        b.Property(l => l.AcquirerTerminalId).HasMaxLength(64);
        b.Property(l => l.Rrn).HasMaxLength(64);
        b.Property(l => l.AuthCode).HasMaxLength(64);
        b.Property(l => l.Currency).HasMaxLength(3);
        b.Property(l => l.MaskedPan).HasMaxLength(64);
        b.Property(l => l.Type).HasMaxLength(16);
        b.Property(l => l.Kind).HasMaxLength(32);
        b.Property(l => l.StoreCode).HasMaxLength(32);
        b.Property(l => l.TerminalId).HasMaxLength(64);
        b.Property(l => l.TransactionId).HasMaxLength(64);
        // An import loads the fingerprints of the days it covers (a duplicate line has the same booking day).
        b.HasIndex(l => new { l.BookedOn, l.Fingerprint });
        // A store's lines by day (the reconciliation page). No index by sale: nothing reads a sale's lines (its fee is in
        // SaleCredits), and one cost ~21 s of a million-line import's 73 s (issue 16, docs/benchmarks.md).
        b.HasIndex(l => new { l.StoreCode, l.BookedOn });
    }
}
