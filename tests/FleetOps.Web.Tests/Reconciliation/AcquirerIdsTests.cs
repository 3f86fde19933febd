using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Reconciliation;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>How a report's acquirer terminal id finds its store once decommissioned terminals have given their id on.</summary>
public sealed class AcquirerIdsTests
{
    [Fact]
    public void An_id_reused_after_decommissioning_names_the_terminal_in_service_and_a_freed_one_still_names_its_old_terminal()
    {
        var stores = new StoreDirectory();
        var fleet = new FleetState(new FakeTimeProvider(), new DetectionOptions());
        // Nine terminals gave "88000001" on before the one in service took it; the fleet walks them in no set order, so
        // the one in service must win whatever the order, not by coming last.
        for (var i = 0; i < 10; i++) stores.Put(new StoreInfo($"S-{i}", $"Store {i}", "East", "Asia/Shanghai", "unionpay"));
        for (var i = 1; i < 10; i++) fleet.Register(new TerminalRegistration($"T-{i}", $"S-{i}", "A920", null, Decommissioned: true, AcquirerTerminalId: "88000001"));
        fleet.Register(new TerminalRegistration("T-0", "S-0", "A920", null, AcquirerTerminalId: "88000001"));
        fleet.Register(new TerminalRegistration("T-OLD", "S-9", "A920", null, Decommissioned: true, AcquirerTerminalId: "88000009"));

        var ids = new AcquirerIds("unionpay", stores, fleet);

        Assert.Equal(("S-0", "S-9"), (ids.StoreOf("", "88000001"), ids.StoreOf("", "88000009")));
    }
}
