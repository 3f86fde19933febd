using FleetOps.Web.Election;
using FleetOps.Web.Persistence;
using Medallion.Threading;
using Medallion.Threading.Postgres;
using Npgsql;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Leadership for the work that must happen once (issue 17, item 4): on PostgreSQL with several nodes, a session advisory
/// lock (DistributedLock.Postgres) elects the node that does it; on SQLite, or a node alone, there is nothing to elect.
/// </summary>
public static class ElectionSetup
{
    /// <summary>The lock's name; every node of one database competes for the same one.</summary>
    public const string LockName = "fleetops-elected-work";

    /// <summary>Call before the services whose work is elected: hosts stop in reverse order, so the lock is released last.</summary>
    public static IServiceCollection AddElection(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var mode = configuration.GetSection(LeadershipOptions.Section).Get<LeadershipOptions>()?.Mode ?? LeadershipMode.Auto;
        var several = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));
        // SQLite is one file on one machine: there is no second node to elect against, whatever the mode says.
        if (database.Provider == DatabaseProvider.Postgres && (mode == LeadershipMode.Elect || (mode == LeadershipMode.Auto && several)))
        {
            // A connection of its own (no multiplexing), held while the node lives: the lock dies with the process's socket.
            services.AddSingleton<IDistributedLock>(new PostgresDistributedLock(new PostgresAdvisoryLockKey(LockName, allowHashing: true),
                LockConnectionString(database.ConnectionString), o => o.UseMultiplexing(false)));
        }
        services.AddSingleton<Leadership>();
        services.AddHostedService(sp => sp.GetRequiredService<Leadership>());
        return services;
    }

    /// <summary>
    /// The lock's session asks PostgreSQL to look for a closed client socket every second even while a statement runs:
    /// the library watches a held lock with a long <c>pg_sleep</c> on its connection, and PostgreSQL does not look at the
    /// client during a statement by default, so a killed leader's session (and its lock) could outlive it by the rest of
    /// that sleep (docs/benchmarks.md, "Failover of the elected work").
    /// </summary>
    public static string LockConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        return builder.ConnectionString;
    }
}
