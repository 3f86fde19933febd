using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A staged rollout (docs/api.md §7); its waves and their terminals are rows of their own.</summary>
public sealed class RolloutRow
{
    public long Id { get; set; }
    public required string Model { get; set; }
    public required string AppVersion { get; set; }
    public string? FirmwareVersion { get; set; }
    public int HaltWhenFailedPercent { get; set; }
    public int? AdvanceWhenInstalledPercent { get; set; }
    public required string State { get; set; }
    public int AcceptedThroughWave { get; set; }
    public long? SupersededBy { get; set; }
    public long? HaltedAtMs { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class RolloutConfiguration : IEntityTypeConfiguration<RolloutRow>
{
    public void Configure(EntityTypeBuilder<RolloutRow> b)
    {
        b.ToTable("Rollouts");
        b.HasKey(r => r.Id);
        b.Property(r => r.Model).HasMaxLength(64);
        b.Property(r => r.AppVersion).HasMaxLength(32);
        b.Property(r => r.FirmwareVersion).HasMaxLength(32);
        b.Property(r => r.State).HasMaxLength(16);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        // A change is written only over the row it was read as: another node may commit one between the read and the write.
        b.Property(r => r.UpdatedAtMs).IsConcurrencyToken();
    }
}
