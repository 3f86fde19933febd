using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A setting an administrator changed in the app, winning over appsettings and the environment; removing the row
/// ("reset to the configured value") brings the configured value back. <see cref="Key"/> is the full configuration key
/// (e.g. <c>FleetOps:Detection:UnstablePowerLosses</c>), so the table can carry other sections later;
/// <see cref="Value"/> is written with the invariant culture.
/// </summary>
public sealed class SettingOverrideRow
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public required string UpdatedBy { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class SettingOverrideConfiguration : IEntityTypeConfiguration<SettingOverrideRow>
{
    public void Configure(EntityTypeBuilder<SettingOverrideRow> b)
    {
        b.ToTable("SettingOverrides");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(200);
        b.Property(s => s.Value).HasMaxLength(100);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
