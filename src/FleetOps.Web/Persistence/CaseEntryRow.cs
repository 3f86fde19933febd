using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One line of a case's trail. Only ever inserted, together with the case change it records.</summary>
public sealed class CaseEntryRow
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long AtMs { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntryRow>
{
    public void Configure(EntityTypeBuilder<CaseEntryRow> b)
    {
        b.ToTable("CaseEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.HasIndex(e => e.CaseId);
        b.HasOne<CaseRow>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
