using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The schema. Each database provider has its own subclass only so that each keeps its own migrations
/// (SQLite and PostgreSQL need different SQL); the model is the same.
/// </summary>
public abstract class FleetDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoreRow> Stores => Set<StoreRow>();
    public DbSet<TerminalRow> Terminals => Set<TerminalRow>();
    public DbSet<TelemetryEventRow> Events => Set<TelemetryEventRow>();
    public DbSet<SoftwareTargetRow> SoftwareTargets => Set<SoftwareTargetRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FleetDbContext).Assembly);
    }
}

public sealed class SqliteFleetDbContext(DbContextOptions<SqliteFleetDbContext> options) : FleetDbContext(options);

public sealed class PostgresFleetDbContext(DbContextOptions<PostgresFleetDbContext> options) : FleetDbContext(options);
