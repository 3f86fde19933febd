using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>What was recorded for one checklist item of a completed work order.</summary>
public sealed class WorkOrderResultRow
{
    public long WorkOrderId { get; set; }
    public required string Item { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
    public bool Flagged { get; set; }
}

internal sealed class WorkOrderResultConfiguration : IEntityTypeConfiguration<WorkOrderResultRow>
{
    public void Configure(EntityTypeBuilder<WorkOrderResultRow> b)
    {
        b.ToTable("WorkOrderResults");
        b.HasKey(r => new { r.WorkOrderId, r.Item });
        b.Property(r => r.Item).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(2000);
    }
}
