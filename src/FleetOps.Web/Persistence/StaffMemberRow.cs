using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A person on a store's training roster (docs/api.md §9); never deleted: leaving sets <see cref="LeftOn"/>.</summary>
public sealed class StaffMemberRow
{
    public long Id { get; set; }
    public required string StoreCode { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    /// <summary>The store-local date they started, <c>yyyy-MM-dd</c>.</summary>
    public required string StartedOn { get; set; }
    /// <summary>The store-local date they left, <c>yyyy-MM-dd</c>; null while employed.</summary>
    public string? LeftOn { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMemberRow>
{
    public void Configure(EntityTypeBuilder<StaffMemberRow> b)
    {
        b.ToTable("StaffMembers");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.StoreCode);
        b.Property(s => s.StoreCode).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Role).HasMaxLength(64);
        b.Property(s => s.StartedOn).HasMaxLength(10);
        b.Property(s => s.LeftOn).HasMaxLength(10);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
    }
}
