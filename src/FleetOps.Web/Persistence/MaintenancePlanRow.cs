using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A preventive plan (docs/api.md §8); exactly one of store, model or terminals (comma-separated) is set.</summary>
public sealed class MaintenancePlanRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? StoreCode { get; set; }
    public string? Model { get; set; }
    public string? TerminalIds { get; set; }
    public required string Checklist { get; set; }
    public int EveryCount { get; set; }
    public required string EveryUnit { get; set; }
    public required string Basis { get; set; }
    /// <summary>The local date of the first occurrence, <c>yyyy-MM-dd</c>.</summary>
    public required string StartsOn { get; set; }
    /// <summary>The local time of day work is due, <c>HH:mm</c>.</summary>
    public required string DueTime { get; set; }
    public required string Kind { get; set; }
    public required string Priority { get; set; }
    public int EstimatedMinutes { get; set; }
    public string? DefaultTechnician { get; set; }
    public bool Active { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class MaintenancePlanConfiguration : IEntityTypeConfiguration<MaintenancePlanRow>
{
    public void Configure(EntityTypeBuilder<MaintenancePlanRow> b)
    {
        b.ToTable("MaintenancePlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.StoreCode).HasMaxLength(32);
        b.Property(p => p.Model).HasMaxLength(64);
        b.Property(p => p.Checklist).HasMaxLength(64);
        b.Property(p => p.EveryUnit).HasMaxLength(16);
        b.Property(p => p.Basis).HasMaxLength(16);
        b.Property(p => p.StartsOn).HasMaxLength(10);
        b.Property(p => p.DueTime).HasMaxLength(5);
        b.Property(p => p.Kind).HasMaxLength(16);
        b.Property(p => p.Priority).HasMaxLength(16);
        b.Property(p => p.DefaultTechnician).HasMaxLength(256);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
    }
}
