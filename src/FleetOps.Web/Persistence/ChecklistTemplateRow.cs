using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One version of a checklist template; its ordered items are JSON (read and written whole, never queried).</summary>
public sealed class ChecklistTemplateRow
{
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string ItemsJson { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplateRow>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateRow> b)
    {
        b.ToTable("ChecklistTemplates");
        b.HasKey(t => new { t.Key, t.Version });
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
    }
}
