using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One imported settlement report (issue 16): which acquirer, which layout, which file (its SHA-256 makes a second upload
/// of the same file answer with this row instead of importing again), who and when, how many lines had each outcome and
/// the booking days it covers. <see cref="ErrorsJson"/> keeps the first listed per-row errors
/// (<c>[{ "row", "error" }]</c>); <see cref="Errors"/> counts them all. <see cref="Importing"/> marks a report whose
/// lines are still being written (SQLite writes them in short transactions, <see cref="SlicedInsert"/>):
/// every query skips such a report, and so must every reader of its lines.
/// </summary>
public sealed class SettlementReportRow
{
    public long Id { get; set; }
    public required string Acquirer { get; set; }
    public required string Profile { get; set; }
    public required string FileName { get; set; }
    public required string FileHash { get; set; }
    public required string ImportedBy { get; set; }
    public long ImportedAtMs { get; set; }
    public int Rows { get; set; }
    public int Matched { get; set; }
    public int CreditedWithoutSale { get; set; }
    public int AmountMismatches { get; set; }
    public int Duplicates { get; set; }
    public int Debits { get; set; }
    public int Errors { get; set; }
    public DateOnly? FirstBookedOn { get; set; }
    public DateOnly? LastBookedOn { get; set; }
    public required string ErrorsJson { get; set; }

    /// <summary>
    /// True from the report row's insert until the transaction that completes the import (SQLite only; PostgreSQL's import
    /// is one transaction and never sets it). A report left importing by a stopped server is removed by the next import.
    /// </summary>
    public bool Importing { get; set; }
}

internal sealed class SettlementReportConfiguration : IEntityTypeConfiguration<SettlementReportRow>
{
    public void Configure(EntityTypeBuilder<SettlementReportRow> b)
    {
        b.ToTable("SettlementReports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Acquirer).HasMaxLength(32);
        b.Property(r => r.Profile).HasMaxLength(64);
        b.Property(r => r.FileName).HasMaxLength(256);
        b.Property(r => r.FileHash).HasMaxLength(64);
        b.Property(r => r.ImportedBy).HasMaxLength(256);
        // The same file twice is the same import: the unique index makes two nodes racing with one file agree too.
        b.HasIndex(r => new { r.Acquirer, r.FileHash }).IsUnique();
        // Coverage per acquirer (how far its reports reach) and the page's list by day.
        b.HasIndex(r => new { r.Acquirer, r.LastBookedOn });
        // A report still importing does not exist for anybody but its import (ReportWrite, IgnoreQueryFilters): not in
        // lists, coverage, proofs or joins. Readers of SettlementLines filter by the reports they can see.
        b.HasQueryFilter(r => !r.Importing);
    }
}
