using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The rollout the rollout pages' tests open: A920 3.3.0 to S-1 first (two tills, T-1 and T-2, on 3.2.0), then the rest
/// (100 % of the terminals left: S-2's one till, T-3); it halts above 40 % failed and starts waves only by hand.
/// </summary>
public abstract class RolloutPageTest : FleetComponentTest
{
    protected RolloutPageTest()
    {
        Services.AddSingleton<RolloutService>();
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
        foreach (var id in new[] { "T-1", "T-2", "T-3" }) Heartbeat(id, TimeSpan.FromMinutes(5), appVersion: "3.2.0");
        var created = Wait(() => Service.CreateAsync(
            new RolloutRequest("A920", "3.3.0", null, [WaveSpec.OfStores("S-1"), WaveSpec.OfPercent(100)], 40, null), "admin@fleetops.test", null));
        Id = created.Rollout!.Id;
    }

    protected long Id { get; }

    protected RolloutService Service => Services.GetRequiredService<RolloutService>();

    protected Rollout Stored => Services.GetRequiredService<RolloutBook>().Get(Id)!;

    protected void Report(string terminalId, SoftwareState state) =>
        PublishBatch((terminalId, new SoftwareEvent(NextId(), Now, state, "3.3.0", state == SoftwareState.Failed ? "disk full" : null)));
}
