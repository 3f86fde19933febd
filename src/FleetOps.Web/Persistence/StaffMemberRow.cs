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

    /// <summary>
    /// <see cref="Name"/> and <see cref="Role"/> as the roster compares them (<c>Training/RosterKey</c>), unique per store among
    /// staff who have not left, so two nodes cannot both add one person. Null on a row the keys were not given to: the
    /// older entries of a person listed twice before the index (migration <c>StaffRosterKeys</c>).
    /// </summary>
    public string? NameKey { get; set; }
    public string? RoleKey { get; set; }
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
        // One current entry per person: the in-memory check holds on one node only. Keyless rows (see NameKey) never collide.
        b.HasIndex(s => new { s.StoreCode, s.NameKey, s.RoleKey }).IsUnique().HasFilter("\"LeftOn\" IS NULL AND \"NameKey\" IS NOT NULL")
            .HasDatabaseName("IX_StaffMembers_OnRoster");
        b.Property(s => s.StoreCode).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Role).HasMaxLength(64);
        b.Property(s => s.NameKey).HasMaxLength(200);
        b.Property(s => s.RoleKey).HasMaxLength(64);
        b.Property(s => s.StartedOn).HasMaxLength(10);
        b.Property(s => s.LeftOn).HasMaxLength(10);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
    }
}
