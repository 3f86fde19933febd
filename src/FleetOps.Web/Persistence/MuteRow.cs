using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A mute window of a store or one terminal (docs/api.md §5).</summary>
public sealed class MuteRow
{
    public long Id { get; set; }
    public required string StoreCode { get; set; }
    public string? TerminalId { get; set; }
    public long FromMs { get; set; }
    public long UntilMs { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class MuteConfiguration : IEntityTypeConfiguration<MuteRow>
{
    public void Configure(EntityTypeBuilder<MuteRow> b)
    {
        b.ToTable("Mutes");
        b.HasKey(m => m.Id);
        b.Property(m => m.StoreCode).HasMaxLength(32);
        b.Property(m => m.TerminalId).HasMaxLength(64);
        b.Property(m => m.Reason).HasMaxLength(500);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.HasIndex(m => m.UntilMs);
    }
}
