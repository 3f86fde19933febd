using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

internal sealed class UserScopeConfiguration : IEntityTypeConfiguration<UserScopeRow>
{
    public void Configure(EntityTypeBuilder<UserScopeRow> b)
    {
        b.ToTable("UserScopes");
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Value).HasMaxLength(100);
        b.HasIndex(s => new { s.UserId, s.Kind, s.Value }).IsUnique();
        b.HasOne<FleetUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenRow>
{
    public void Configure(EntityTypeBuilder<ApiTokenRow> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.RevokedBy).HasMaxLength(256);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<FleetUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRow>
{
    public void Configure(EntityTypeBuilder<AuditEntryRow> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(256);
        b.Property(a => a.Details).HasMaxLength(2000);
        b.Property(a => a.RemoteAddress).HasMaxLength(64);
        b.HasIndex(a => a.AtMs);
    }
}
