using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>A person trained in a session, whether or not they completed anything.</summary>
public sealed class TrainingAttendeeRow
{
    public long SessionId { get; set; }
    public long StaffId { get; set; }
}

internal sealed class TrainingAttendeeConfiguration : IEntityTypeConfiguration<TrainingAttendeeRow>
{
    public void Configure(EntityTypeBuilder<TrainingAttendeeRow> b)
    {
        b.ToTable("TrainingAttendees");
        b.HasKey(a => new { a.SessionId, a.StaffId });
        b.HasIndex(a => a.StaffId);
    }
}
