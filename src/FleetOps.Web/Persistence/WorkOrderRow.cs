using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A work order (docs/api.md §8). <see cref="PlanId"/> + <see cref="Subject"/> (the terminal, else the store) +
/// <see cref="Occurrence"/> is unique, so a generated work order is inserted once however many generators try (a restart,
/// two nodes); hand-made ones have no plan, and NULLs never collide. <see cref="FollowUpOf"/> + <see cref="FollowUpItem"/>
/// is unique the same way: one follow-up per flagged item of a work order.
/// </summary>
public sealed class WorkOrderRow
{
    public long Id { get; set; }
    public required string StoreCode { get; set; }
    public string? TerminalId { get; set; }
    public required string Subject { get; set; }
    public required string Title { get; set; }
    public required string Kind { get; set; }
    public required string Priority { get; set; }
    public required string State { get; set; }
    public long DueAtMs { get; set; }
    public required string ChecklistKey { get; set; }
    public int ChecklistVersion { get; set; }
    public string? Assignee { get; set; }
    public long? ScheduledStartMs { get; set; }
    public long? ScheduledEndMs { get; set; }
    public long? AlertId { get; set; }
    public long? PlanId { get; set; }
    public string? Occurrence { get; set; }
    public long? StartedAtMs { get; set; }
    public long? ClosedAtMs { get; set; }
    public string? SignedBy { get; set; }
    public string? Reason { get; set; }
    public long? MuteId { get; set; }
    public long? FollowUpOf { get; set; }
    public string? FollowUpItem { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrderRow>
{
    public void Configure(EntityTypeBuilder<WorkOrderRow> b)
    {
        b.ToTable("WorkOrders");
        b.HasKey(w => w.Id);
        b.Property(w => w.StoreCode).HasMaxLength(32);
        b.Property(w => w.TerminalId).HasMaxLength(64);
        b.Property(w => w.Subject).HasMaxLength(64);
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.Kind).HasMaxLength(16);
        b.Property(w => w.Priority).HasMaxLength(16);
        b.Property(w => w.State).HasMaxLength(16);
        b.Property(w => w.ChecklistKey).HasMaxLength(64);
        b.Property(w => w.Assignee).HasMaxLength(256);
        b.Property(w => w.Occurrence).HasMaxLength(32);
        b.Property(w => w.SignedBy).HasMaxLength(200);
        b.Property(w => w.Reason).HasMaxLength(500);
        b.Property(w => w.CreatedBy).HasMaxLength(256);
        b.HasIndex(w => new { w.PlanId, w.Subject, w.Occurrence }).IsUnique();
        b.HasIndex(w => w.AlertId);
        b.Property(w => w.FollowUpItem).HasMaxLength(64);
        b.HasIndex(w => new { w.FollowUpOf, w.FollowUpItem }).IsUnique();
        // A change is written only over the row it was read as: another node may commit one between the read and the write.
        b.Property(w => w.UpdatedAtMs).IsConcurrencyToken();
    }
}
