using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A technician's calendar feed token (docs/api.md §8): only its SHA-256 hash is kept, like API tokens, so a copy of the
/// database cannot read anyone's calendar. Revoking deletes the row.
/// </summary>
public sealed class CalendarFeedRow
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeedRow>
{
    public void Configure(EntityTypeBuilder<CalendarFeedRow> b)
    {
        b.ToTable("CalendarFeeds");
        b.HasKey(f => f.Id);
        b.Property(f => f.UserId).HasMaxLength(450);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.UserId).IsUnique();
    }
}
