using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One announcement of a commit to the other nodes of a cluster, written in the same transaction as the change it
/// announces (so nothing committed goes unannounced and nothing rolled back is announced). Other nodes read the rows
/// above their cursor (<c>Ingestion/ChangeFollower</c>); a single node has the table but writes nothing to it.
/// </summary>
public sealed class NodeChangeRow
{
    /// <summary>The start of every writer's INSERT of an announcement; its values follow (node, kind, payload, at).</summary>
    internal const string InsertSql = """INSERT INTO "NodeChanges" ("Node", "Kind", "Payload", "AtMs")""";

    public long Id { get; set; }

    /// <summary>The writing process (random per start), so a node skips its own rows.</summary>
    public required string Node { get; set; }

    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public long AtMs { get; set; }
}

internal sealed class NodeChangeConfiguration : IEntityTypeConfiguration<NodeChangeRow>
{
    public void Configure(EntityTypeBuilder<NodeChangeRow> b)
    {
        b.ToTable("NodeChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.Node).HasMaxLength(32);
        b.Property(c => c.Kind).HasMaxLength(32);
        // Retention deletes by age once a minute; followers read by Id (the key).
        b.HasIndex(c => c.AtMs);
    }
}
