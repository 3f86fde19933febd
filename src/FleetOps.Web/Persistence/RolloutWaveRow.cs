using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One wave of a rollout: how it chose its terminals (store codes, comma-separated, or a percentage) and when it started.</summary>
public sealed class RolloutWaveRow
{
    public long RolloutId { get; set; }
    public int Wave { get; set; }
    public string? Stores { get; set; }
    public int? Percent { get; set; }
    public long? StartedAtMs { get; set; }
}

internal sealed class RolloutWaveConfiguration : IEntityTypeConfiguration<RolloutWaveRow>
{
    public void Configure(EntityTypeBuilder<RolloutWaveRow> b)
    {
        b.ToTable("RolloutWaves");
        b.HasKey(w => new { w.RolloutId, w.Wave });
        b.Property(w => w.Stores).HasMaxLength(4000);
    }
}
