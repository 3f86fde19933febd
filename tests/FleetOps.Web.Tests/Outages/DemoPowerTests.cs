using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Demo;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Outages;

/// <summary>The demo chain shows its power stories at start: an unstable till, a store outage with interrupted payments, a weak battery.</summary>
public sealed class DemoPowerTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = DemoApp.Create();

    [Fact]
    public async Task Demo_start_shows_an_unstable_till_a_store_outage_with_interrupted_payments_and_a_weak_battery()
    {
        using var admin = _app.CreateAdminClient();

        await DemoApp.WholeBacklogAsync(admin); // the power stories are written before the sales backlog
        var incident = Assert.Single((await admin.IncidentsAsync()).Items());
        var fleet = _app.GetService<FleetState>().All.ToList();

        Assert.Equal(DemoPowerBacklog.InterruptedSales, incident["paymentsInterrupted"]!.GetValue<int>());
        Assert.Equal(5, incident["terminalsAffected"]!.GetValue<int>()); // every till of the store
        Assert.NotNull(incident["endedAt"]);
        Assert.Contains(fleet, t => t.Assessment.Power == PowerStatus.Unstable && t.Assessment.LikelyCause == LikelyCause.Device);
        Assert.Contains(fleet, t => t.Assessment.Battery is { Status: BatteryStatus.Weak, LastRuntimeMinutes: 7 });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
