using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A saved column-mapping profile (issue 16): how one acquirer's own report layout maps onto the generic format. The
/// layout is stored as JSON (<c>ReportLayout</c>: headers per generic column, date format, major units, type words);
/// the name is what an import's <c>profile</c> field names. <c>generic</c> is built in and never stored.
/// </summary>
public sealed class ReportProfileRow
{
    public required string Name { get; set; }
    public required string Acquirer { get; set; }
    public required string LayoutJson { get; set; }
    public required string UpdatedBy { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class ReportProfileConfiguration : IEntityTypeConfiguration<ReportProfileRow>
{
    public void Configure(EntityTypeBuilder<ReportProfileRow> b)
    {
        b.ToTable("SettlementReportProfiles");
        b.HasKey(p => p.Name);
        b.Property(p => p.Name).HasMaxLength(64);
        b.Property(p => p.Acquirer).HasMaxLength(32);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
