using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The work order the work order page's tests open: S-1 (East): T-1, a power supply and UPS test due tomorrow, booked to
/// the technician Li Gong from an hour from now.
/// </summary>
public abstract class UpsTestWorkOrderPageTest : FleetComponentTest
{
    protected UpsTestWorkOrderPageTest()
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        Register("S-1", "T-1");
        Technician = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Li Gong");
        Order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.PowerUps), Technician, TimeSpan.FromHours(1));
    }

    protected UserAccess Technician { get; }
    protected WorkOrder Order { get; }

    protected MaintenanceService Service => Services.GetRequiredService<MaintenanceService>();

    /// <summary>The page as the technician opens it, the work started first unless said otherwise.</summary>
    protected IRenderedComponent<WorkOrderPage> OpenAsTechnician(bool started = true)
    {
        if (started) Wait(() => Service.StartAsync(Order.Id, MaintenanceActor.Of(Technician), null));
        SignIn(Technician);
        return Render<WorkOrderPage>(p => p.Add(c => c.Id, Order.Id));
    }

    /// <summary>Every item answered within limits and Wang Li's name typed as the signer; the drawing is the test's own.</summary>
    protected static void AnswerAllButTheDrawing(IRenderedComponent<WorkOrderPage> cut)
    {
        foreach (var check in new[] { "adapter_ok", "ups_self_test", "surge_protection" }) cut.Find($"[data-testid=item-{check}] [data-testid=pass]").Click();
        cut.Find("[data-testid=item-mains_voltage] input[data-testid=reading]").Input("230");
        cut.Find("[data-testid=item-ups_runtime] input[data-testid=reading]").Input("15");
        cut.Find("[data-testid=item-manager_signature] input[data-testid=signer]").Input("Wang Li");
    }
}
