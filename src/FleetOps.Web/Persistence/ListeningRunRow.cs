using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One run of one node: from its start until the last time it said it was still up (<c>Background/ListeningRecorder</c>).
/// The start-up rebuild reads them to tell a terminal's silence from FleetOps' own absence
/// (<see cref="FleetOps.Core.Fleet.ListeningHistory"/>).
/// </summary>
public sealed class ListeningRunRow
{
    /// <summary>Random per run.</summary>
    public required string Id { get; set; }

    public long FromMs { get; set; }
    public long UntilMs { get; set; }
}

internal sealed class ListeningRunConfiguration : IEntityTypeConfiguration<ListeningRunRow>
{
    public void Configure(EntityTypeBuilder<ListeningRunRow> b)
    {
        b.ToTable("ListeningRuns");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(32);
        b.HasIndex(r => r.UntilMs); // runs older than a week are deleted by it
    }
}
