using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>One training held at a store (docs/api.md §9); who attended is in <see cref="TrainingAttendeeRow"/>, what each completed in <see cref="TrainingCompletionRow"/>.</summary>
public sealed class TrainingSessionRow
{
    public long Id { get; set; }
    public required string StoreCode { get; set; }
    public required string Programme { get; set; }
    /// <summary>The store-local date it was held, <c>yyyy-MM-dd</c>.</summary>
    public required string HeldOn { get; set; }
    public required string Trainer { get; set; }
    public required string RecordedBy { get; set; }
    public long RecordedAtMs { get; set; }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSessionRow>
{
    public void Configure(EntityTypeBuilder<TrainingSessionRow> b)
    {
        b.ToTable("TrainingSessions");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.StoreCode);
        b.Property(s => s.StoreCode).HasMaxLength(32);
        b.Property(s => s.Programme).HasMaxLength(64);
        b.Property(s => s.HeldOn).HasMaxLength(10);
        b.Property(s => s.Trainer).HasMaxLength(200);
        b.Property(s => s.RecordedBy).HasMaxLength(256);
    }
}
