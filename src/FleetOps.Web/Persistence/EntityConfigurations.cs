using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<StoreRow>
{
    public void Configure(EntityTypeBuilder<StoreRow> b)
    {
        b.ToTable("Stores");
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Region).HasMaxLength(100);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.Acquirer).HasMaxLength(32);
        b.Property(s => s.MerchantId).HasMaxLength(64);
    }
}

internal sealed class TerminalConfiguration : IEntityTypeConfiguration<TerminalRow>
{
    public void Configure(EntityTypeBuilder<TerminalRow> b)
    {
        b.ToTable("Terminals");
        b.HasKey(t => t.TerminalId);
        b.Property(t => t.TerminalId).HasMaxLength(64);
        b.Property(t => t.StoreCode).HasMaxLength(32);
        b.Property(t => t.Model).HasMaxLength(64);
        b.Property(t => t.SerialNumber).HasMaxLength(64);
        b.Property(t => t.AcquirerTerminalId).HasMaxLength(64);
        b.HasIndex(t => t.StoreCode);
        b.HasOne<StoreRow>().WithMany().HasForeignKey(t => t.StoreCode).HasPrincipalKey(s => s.Code)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TelemetryEventConfiguration : IEntityTypeConfiguration<TelemetryEventRow>
{
    public void Configure(EntityTypeBuilder<TelemetryEventRow> b)
    {
        b.ToTable("TelemetryEvents");
        b.Property(e => e.TerminalId).HasMaxLength(64);
        b.Property(e => e.EventId).HasMaxLength(64);
        b.Property(e => e.Type).HasMaxLength(16);
        b.Property(e => e.Detail).HasMaxLength(64);
        // Idempotence lives here: the writer inserts with ON CONFLICT DO NOTHING on this index.
        b.HasIndex(e => new { e.TerminalId, e.EventId }).IsUnique();
        b.HasIndex(e => new { e.TerminalId, e.AtMs });
        // Only start-up's read of the power horizon ranges over time by type, and only for power events: transaction
        // events (most of the rows now that heartbeats are rolled up) need no entry here.
        b.HasIndex(e => new { e.Type, e.AtMs }).HasFilter("\"Type\" = 'power'");
        // Heartbeat rows of the layout before the roll-ups, which start-up moves (LegacyHeartbeatRows). Empty once they are
        // moved, so it costs nothing; without it every start scanned the whole table to find there were none.
        b.HasIndex(e => e.Id).HasFilter("\"Type\" = 'heartbeat'").HasDatabaseName("IX_TelemetryEvents_LegacyHeartbeats");
    }
}

internal sealed class SoftwareTargetConfiguration : IEntityTypeConfiguration<SoftwareTargetRow>
{
    public void Configure(EntityTypeBuilder<SoftwareTargetRow> b)
    {
        b.ToTable("SoftwareTargets");
        b.HasKey(t => t.Model);
        b.Property(t => t.Model).HasMaxLength(64);
    }
}
