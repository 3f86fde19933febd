using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using static FleetOps.Web.Tests.Rollouts.RolloutFleet;

namespace FleetOps.Web.Tests.Rollouts;

/// <summary>The rollout tables on PostgreSQL: created by its own migration, written at creation, read back the same after a restart.</summary>
public sealed class RolloutPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task A_rollout_with_its_waves_and_members_survives_a_restart_on_postgres()
    {
        RolloutFleet fleet;
        long id;
        await using (var first = _database.Start())
        {
            fleet = await RolloutFleet.CreateAsync(first, storeCount: 2, perStore: 2);
            id = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[1]), PercentWave(100)), haltWhenFailedPercent: 10);
            await fleet.ReportAsync(fleet.Terminals[2], "failed");
            await Eventually.MatchesAsync(() => fleet.GetRolloutAsync(id), r => Expect.Wire(r["state"]) == "halted", "the rollout to halt");
        }

        await using var second = _database.Start();
        var restarted = fleet.On(second);
        var rollout = await restarted.GetRolloutAsync(id);

        Assert.Equal("halted", Expect.Wire(rollout["state"]));
        Assert.Equal(1, rollout["waves"]![0]!["failed"]!.GetValue<int>());
        Assert.Equal("3.3.0", Expect.Wire((await restarted.DirectivesAsync(fleet.Terminals[3]))["targetAppVersion"]));
        Assert.Equal("3.2.0", Expect.Wire((await restarted.DirectivesAsync(fleet.Terminals[0]))["targetAppVersion"]));
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
