using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A drawn signature of a training session: the trainer's (<see cref="StaffId"/> null) or one trained person's. The PNG is
/// kept in the row, not as a file like maintenance photos: it is small (size-limited), it is committed in the same
/// transaction as its session (a refused or failed session leaves none behind), and every node on one database sees it.
/// </summary>
public sealed class TrainingSignatureRow
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    /// <summary>The person trained who signed; null for the trainer.</summary>
    public long? StaffId { get; set; }
    public required byte[] Png { get; set; }
    public long SignedAtMs { get; set; }
}

internal sealed class TrainingSignatureConfiguration : IEntityTypeConfiguration<TrainingSignatureRow>
{
    public void Configure(EntityTypeBuilder<TrainingSignatureRow> b)
    {
        b.ToTable("TrainingSignatures");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.SessionId, s.StaffId });
    }
}
