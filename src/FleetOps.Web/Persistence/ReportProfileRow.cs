using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A saved column-mapping profile for one acquirer's settlement reports (issue 16): what <c>ReportLayout</c> needs to
/// read another layout as the generic one. Headers and type words are small JSON objects keyed by the generic column's
/// and the type's wire names, so a column added to the format later needs no schema change. Read from the database on
/// every use: profiles change by hand, rarely, and several nodes must see the same one.
/// </summary>
public sealed class ReportProfileRow
{
    public required string Name { get; set; }
    public required string Acquirer { get; set; }
    /// <summary><c>{ "date": "交易日期", "rrn": "参考号", … }</c>: generic column wire name → the acquirer's header.</summary>
    public required string ColumnsJson { get; set; }
    public required string DateFormat { get; set; }
    public bool AmountsInMajorUnits { get; set; }
    /// <summary><c>{ "消费": "sale", "退货": "refund" }</c>, or null when the report writes the generic words.</summary>
    public string? TypeWordsJson { get; set; }
    public required string UpdatedBy { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class ReportProfileConfiguration : IEntityTypeConfiguration<ReportProfileRow>
{
    public void Configure(EntityTypeBuilder<ReportProfileRow> b)
    {
        b.ToTable("ReportProfiles");
        b.HasKey(p => p.Name);
        b.Property(p => p.Name).HasMaxLength(32);
        b.Property(p => p.Acquirer).HasMaxLength(32);
        b.Property(p => p.ColumnsJson).HasMaxLength(4000);
        b.Property(p => p.DateFormat).HasMaxLength(32);
        b.Property(p => p.TypeWordsJson).HasMaxLength(4000);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => p.Acquirer);
    }
}
