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
        Dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        AddStore("S-1");
        Register("S-1", "T-1");
        Technician = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Li Gong");
        Order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.PowerUps), Technician, TimeSpan.FromHours(1));
    }

    protected UserAccess Technician { get; }
    protected WorkOrder Order { get; }
    /// <summary>Where the page's dialogs (a reason to put the work on hold) open.</summary>
    protected IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs { get; }

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

    /// <summary>The store manager's signature as the pad stores it (a PNG for the signature item); its id is the item's value.</summary>
    protected string Signed()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        var stored = Wait(() => Services.GetRequiredService<WorkOrderPhotos>().AddAsync(Order.Id, "manager_signature", new MemoryStream(png),
            MaintenanceActor.Of(Technician), null));
        return stored.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The UPS test done by the technician, signed by Wang Li, its self-test failed (flagged).</summary>
    protected void CompleteWithFailedSelfTest()
    {
        Wait(() => Service.StartAsync(Order.Id, MaintenanceActor.Of(Technician), null));
        var signature = Signed();
        var done = Wait(() => Service.CompleteAsync(Order.Id,
        [
            new("adapter_ok", "true"), new("mains_voltage", "231"), new("ups_self_test", "false", "self-test beeps"), new("ups_runtime", "12"),
            new("surge_protection", "true"), new("manager_signature", signature),
        ], "Wang Li", MaintenanceActor.Of(Technician), null));
        Assert.NotNull(done.Value);
    }
}
