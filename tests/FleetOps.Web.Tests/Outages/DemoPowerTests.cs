using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Demo;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Outages;

/// <summary>The demo chain shows its power stories at start: an unstable till, a store outage with interrupted payments, a weak battery.</summary>
public sealed class DemoPowerTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero)),
        Settings = new Dictionary<string, string?>
        {
            ["FleetOps:Demo:Enabled"] = "true",
            ["FleetOps:Demo:Terminals"] = "20",
            ["FleetOps:Demo:Stores"] = "4",
        },
    });

    [Fact]
    public async Task Demo_start_shows_an_unstable_till_a_store_outage_with_interrupted_payments_and_a_weak_battery()
    {
        using var admin = _app.CreateAdminClient();

        // The power stories are written before the sales backlog, whose example case ends it.
        await Eventually.MatchesAsync(() => admin.UnsettledAsync("?caseStatus=contact_acquirer"), p => p.Items().Count == 1, "the demo's backlog");
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
