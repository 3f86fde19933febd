using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One programme item one person completed in one session.</summary>
public sealed class TrainingCompletionRow
{
    public long SessionId { get; set; }
    public long StaffId { get; set; }
    public required string Item { get; set; }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletionRow>
{
    public void Configure(EntityTypeBuilder<TrainingCompletionRow> b)
    {
        b.ToTable("TrainingCompletions");
        b.HasKey(c => new { c.SessionId, c.StaffId, c.Item });
        b.Property(c => c.Item).HasMaxLength(64);
    }
}
