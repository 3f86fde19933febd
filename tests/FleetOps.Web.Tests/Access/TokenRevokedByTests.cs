using System.Net;
using FleetOps.Core.Live;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.TwoRegionFleet;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// Who revoked a token is kept with it — an administrator's revoke names them on the owner's page — and a revoke made on
/// another node reaches this node's pages as a change, with its revoker, not only its refusal.
/// </summary>
public sealed class TokenRevokedByTests(TwoRegionFleet world) : IClassFixture<TwoRegionFleet>
{
    private FleetOpsApp App => world.App;

    [Fact]
    public async Task A_revoke_by_another_node_is_told_to_this_nodes_pages_with_who_revoked_it()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (id, token) = await App.CreateApiTokenAsync(user, "nightly export");
        var directory = App.GetService<ApiTokenDirectory>();
        var told = new TaskCompletionSource<ApiTokenInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var following = directory.Subscribe(t => t.Id == id, batch =>
        {
            if (batch.SingleOrDefault() is { RevokedAt: not null } revoked) told.TrySetResult(revoked);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        var versionBefore = directory.Version;

        // What another node's revoke leaves in the shared database; the cluster relay then makes this node re-read.
        await using (var db = App.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow).SetProperty(t => t.RevokedBy, "admin@fleetops.test"));
        }
        await directory.ReloadFromPeerAsync();

        var change = await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("admin@fleetops.test", change.RevokedBy);
        Assert.True(directory.Version > versionBefore);
        using var client = App.CreateTokenClient(token);
        await Expect.StatusAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.Equal("admin@fleetops.test", (await directory.AllAsync()).Single(t => t.Id == id).RevokedBy);
    }

    [Fact]
    public async Task A_revoke_here_while_another_nodes_news_is_being_read_stays_revoked()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var directory = App.GetService<ApiTokenDirectory>();
        for (var round = 0; round < 100; round++)
        {
            var (id, token) = await App.CreateApiTokenAsync(user, $"round {round}");
            // The relay starts re-reads without waiting; one read before the revoke must not put the token back after it.
            var reads = Enumerable.Range(0, 3).Select(_ => Task.Run(() => directory.ReloadFromPeerAsync())).ToList();
            await Task.WhenAll([.. reads, Task.Run(() => directory.RevokeAsync(id, user.Id, anyOwner: false, user.Email))]);
            Assert.True(directory.Find(token) is null, $"round {round}: the revoked token is accepted again");
        }
    }

    [Fact]
    public async Task A_reload_that_finds_nothing_changed_tells_no_page()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        await App.CreateApiTokenAsync(user, "nightly export");
        var directory = App.GetService<ApiTokenDirectory>();
        await directory.ReloadFromPeerAsync();
        var versionBefore = directory.Version;

        await directory.ReloadFromPeerAsync();

        Assert.Equal(versionBefore, directory.Version);
    }
}
