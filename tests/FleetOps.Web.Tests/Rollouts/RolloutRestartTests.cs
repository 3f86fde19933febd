using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Rollouts.RolloutFleet;

namespace FleetOps.Web.Tests.Rollouts;

/// <summary>A rollout's waves hold the same terminals after a restart: the choice is made once, not drawn again.</summary>
public sealed class RolloutRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_percentage_wave_keeps_its_terminals_and_their_directives_across_a_restart()
    {
        RolloutFleet fleet;
        long id;
        string[] before;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            fleet = await RolloutFleet.CreateAsync(first, storeCount: 2, perStore: 3);
            id = await fleet.CreateRolloutAsync(Waves(PercentWave(50), PercentWave(100)));
            before = await TargetsAsync(fleet);
        }
        Assert.Equal(3, before.Count(t => t == "3.3.0"));

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var restarted = fleet.On(_second);

        Assert.Equal(before, await TargetsAsync(restarted));
        var rollout = await restarted.GetRolloutAsync(id);
        Assert.Equal("running", Expect.Wire(rollout["state"]));
        Assert.Equal([3, 3], rollout["waves"]!.AsArray().Select(w => w!["terminals"]!.GetValue<int>()));
    }

    private static async Task<string[]> TargetsAsync(RolloutFleet fleet)
    {
        var targets = new List<string>();
        foreach (var terminal in fleet.Terminals) targets.Add(Expect.Wire((await fleet.DirectivesAsync(terminal))["targetAppVersion"]));
        return [.. targets];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
