using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// What the imported reports say about one settled sale, kept beside <c>Transactions</c> rather than in it so that the
/// event writer's upsert of a transaction never touches reconciliation state: the credits and wrong-amount credits that
/// named it, the first booking day and the fee of the first right credit (with the sale's currency: the figures sum
/// fees from here, never joining a sale to its report line), and — while no credit did — the report that proves the absence
/// (<see cref="NotCreditedReportId"/>, PROTOCOL §11 <c>not_credited</c>). Start-up loads only the rows where that is set
/// (few), so the transaction book is rebuilt without reading every credited sale.
/// </summary>
public sealed class SaleCreditRow
{
    public required string TerminalId { get; set; }
    public required string TransactionId { get; set; }
    public required string Acquirer { get; set; }
    public required string StoreCode { get; set; }
    public DateOnly SettledOn { get; set; }
    public int Credits { get; set; }
    public int Mismatches { get; set; }
    public DateOnly? CreditedOn { get; set; }
    public required string Currency { get; set; }
    public long FeeMinor { get; set; }
    public long? NotCreditedReportId { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class SaleCreditConfiguration : IEntityTypeConfiguration<SaleCreditRow>
{
    public void Configure(EntityTypeBuilder<SaleCreditRow> b)
    {
        b.ToTable("SaleCredits");
        b.HasKey(c => new { c.TerminalId, c.TransactionId });
        b.Property(c => c.TerminalId).HasMaxLength(64);
        b.Property(c => c.TransactionId).HasMaxLength(64);
        b.Property(c => c.Acquirer).HasMaxLength(32);
        b.Property(c => c.StoreCode).HasMaxLength(32);
        b.Property(c => c.Currency).HasMaxLength(3);
        // Only the sales proven not credited (few): a full index took a B-tree insert for every credited sale of every
        // report, a million of a million-line import's copy under SQLite's write lock (issue 16). Every query of it
        // asks for "IS NOT NULL", which both databases prove implies the filter.
        b.HasIndex(c => c.NotCreditedReportId).HasFilter("\"NotCreditedReportId\" IS NOT NULL");
        b.HasIndex(c => new { c.Acquirer, c.SettledOn });
    }
}
