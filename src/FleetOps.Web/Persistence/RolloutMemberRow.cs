using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A terminal's wave in a rollout, fixed when the rollout was created: the stable choice survives restarts and is the same
/// on every node, whatever terminals are registered or moved later.
/// </summary>
public sealed class RolloutMemberRow
{
    public long RolloutId { get; set; }
    public required string TerminalId { get; set; }
    public int Wave { get; set; }
}

internal sealed class RolloutMemberConfiguration : IEntityTypeConfiguration<RolloutMemberRow>
{
    public void Configure(EntityTypeBuilder<RolloutMemberRow> b)
    {
        b.ToTable("RolloutMembers");
        b.HasKey(m => new { m.RolloutId, m.TerminalId });
        b.Property(m => m.TerminalId).HasMaxLength(64);
    }
}
