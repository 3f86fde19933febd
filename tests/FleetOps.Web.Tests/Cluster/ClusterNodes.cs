using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Two nodes, A and B, on one fresh PostgreSQL database and one redis-server of their own — a cluster as scripts/cluster.sh
/// starts it, in memory. A is started (and migrates the database) before B, as a rolling start would.
/// </summary>
public sealed class ClusterNodes : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public RedisServer Redis { get; } = new();

    public FleetOpsApp A { get; private set; } = null!;

    public FleetOpsApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await Redis.StartAsync();
        A = Start();
        B = Start();
    }

    private FleetOpsApp Start()
    {
        var node = _database.Start(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = Redis.ConnectionString });
        _ = node.Server; // starts it now, one after the other
        return node;
    }

    /// <summary>A user made on A, once B has heard of them (B re-reads users A changed, through Redis).</summary>
    public async Task<TestUser> UserOnAKnownToBAsync(string role = Roles.Administrator)
    {
        var user = await A.CreateUserAsync(role);
        await Eventually.MatchesAsync(() => Task.FromResult(B.GetService<UserDirectory>().Get(user.Id)), u => u is not null, $"node B to know {user.Email}");
        return user;
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await Redis.DisposeAsync();
        await _database.DisposeAsync();
    }
}
