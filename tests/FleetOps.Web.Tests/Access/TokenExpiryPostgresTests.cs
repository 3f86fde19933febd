using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Access;

/// <summary>A token's expiry and revoker on PostgreSQL: their columns made by their own migrations, read back the same after a restart.</summary>
public sealed class TokenExpiryPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task A_tokens_expiry_survives_a_restart_on_postgres_and_refuses_it_then()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lifetime = TimeSpan.FromMinutes(10); // short: advancing the clock runs every periodic timer of the app through it
        int id;
        string token;
        DateTimeOffset? madeToExpire;
        TestUser user;
        await using (var first = _database.Start(clock: clock))
        {
            user = await first.CreateUserAsync(Roles.StoreManager);
            (id, token) = await first.CreateApiTokenAsync(user, "nightly export", lifetime);
            madeToExpire = first.GetService<ApiTokenDirectory>().ExpiryOf(id);
        }

        await using var second = _database.Start(clock: clock);
        Assert.Equal(madeToExpire, second.GetService<ApiTokenDirectory>().ExpiryOf(id));
        using var client = second.CreateTokenClient(token);
        await Expect.StatusAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        clock.Advance(lifetime);
        var problem = await Expect.ProblemAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.StartsWith("This API token expired at ", Expect.Wire(problem["detail"]), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Who_revoked_a_token_survives_a_restart_on_postgres()
    {
        int id;
        await using (var first = _database.Start())
        {
            var user = await first.CreateUserAsync(Roles.StoreManager);
            (id, _) = await first.CreateApiTokenAsync(user, "nightly export");
            Assert.NotNull(await first.GetService<ApiTokenDirectory>().RevokeAsync(id, user.Id, anyOwner: true, "admin@fleetops.test"));
        }

        await using var second = _database.Start();
        var revoked = (await second.GetService<ApiTokenDirectory>().AllAsync()).Single(t => t.Id == id);
        Assert.Equal("admin@fleetops.test", revoked.RevokedBy);
        Assert.NotNull(revoked.RevokedAt);
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
