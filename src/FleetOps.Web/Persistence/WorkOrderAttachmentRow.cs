using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A photo of a work order's checklist item: the bytes are a file on disk (<see cref="StoredName"/>), this is what describes it.</summary>
public sealed class WorkOrderAttachmentRow
{
    public long Id { get; set; }
    public long WorkOrderId { get; set; }
    public required string Item { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string StoredName { get; set; }
    public required string UploadedBy { get; set; }
    public long UploadedAtMs { get; set; }
}

internal sealed class WorkOrderAttachmentConfiguration : IEntityTypeConfiguration<WorkOrderAttachmentRow>
{
    public void Configure(EntityTypeBuilder<WorkOrderAttachmentRow> b)
    {
        b.ToTable("WorkOrderAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Item).HasMaxLength(64);
        b.Property(a => a.ContentType).HasMaxLength(32);
        b.Property(a => a.StoredName).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasIndex(a => a.WorkOrderId);
    }
}
