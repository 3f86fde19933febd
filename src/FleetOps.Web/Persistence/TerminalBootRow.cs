using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One boot of one terminal: the first and last heartbeat time seen with its boot id. Unexpected reboots are found
/// from these segments (<c>PowerHistory</c>), so start-up reads one row per boot instead of grouping every heartbeat of
/// the power horizon. Kept beside the hour roll-ups rather than inside them: a boot usually spans many hours, and one
/// row per boot is both smaller and what start-up wants. Merged by an upsert (min/max), so order and nodes do not matter.
/// </summary>
public sealed class TerminalBootRow
{
    public required string TerminalId { get; set; }
    public required string BootId { get; set; }
    public long FirstAtMs { get; set; }
    public long LastAtMs { get; set; }
}

internal sealed class TerminalBootConfiguration : IEntityTypeConfiguration<TerminalBootRow>
{
    public void Configure(EntityTypeBuilder<TerminalBootRow> b)
    {
        b.ToTable("TerminalBoots");
        b.HasKey(t => new { t.TerminalId, t.BootId });
        b.Property(t => t.TerminalId).HasMaxLength(64);
        b.Property(t => t.BootId).HasMaxLength(64);
        // No index on LastAtMs although start-up and retention filter by it: the table has a row per boot, so scanning it
        // is cheap, while every heartbeat moves LastAtMs — unindexed, PostgreSQL updates it in place (HOT) without
        // touching an index or leaving the row elsewhere.
    }
}
