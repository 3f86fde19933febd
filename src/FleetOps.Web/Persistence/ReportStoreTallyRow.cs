using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A report's figures per store and currency, written with the report: a store manager sees a report only when it has
/// lines of their stores, and only those lines' figures (issue 16), without the lines being read again. Lines whose
/// store is unknown (credited without a sale of a known store) have no store row: only people who see every store see them.
/// </summary>
public sealed class ReportStoreTallyRow
{
    public long ReportId { get; set; }
    public required string StoreCode { get; set; }
    public required string Currency { get; set; }
    public int Rows { get; set; }
    public int Matched { get; set; }
    public int CreditedWithoutSale { get; set; }
    public int AmountMismatches { get; set; }
    public int Duplicates { get; set; }
    public int Debits { get; set; }
    public long CreditedMinor { get; set; }
    public long DebitedMinor { get; set; }
    public long FeeMinor { get; set; }
}

internal sealed class ReportStoreTallyConfiguration : IEntityTypeConfiguration<ReportStoreTallyRow>
{
    public void Configure(EntityTypeBuilder<ReportStoreTallyRow> b)
    {
        b.ToTable("SettlementReportStores");
        b.HasKey(t => new { t.ReportId, t.StoreCode, t.Currency });
        b.Property(t => t.StoreCode).HasMaxLength(32);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.HasIndex(t => t.StoreCode);
    }
}
