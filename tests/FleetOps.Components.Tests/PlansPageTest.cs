using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// What the plans page's tests share: the dialog and popover hosts, two stores — S-1 (East): T-1, S-2 (North): T-3 — and a
/// plan made through <see cref="PlanService"/>. The clock starts 2026-11-25 08:00 in Shanghai.
/// </summary>
public abstract class PlansPageTest : FleetComponentTest
{
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    protected PlansPageTest()
    {
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Register("S-2", "T-3");
    }

    protected MaintenancePlan AddPlan(string name, string store, int every = 1, RecurrenceUnit unit = RecurrenceUnit.Month,
        RecurrenceBasis basis = RecurrenceBasis.Schedule)
    {
        var draft = new PlanDraft(name, store, null, null, DefaultChecklists.PowerUps, every, unit, basis, new DateOnly(2026, 11, 25), WorkOrderKind.Power,
            WorkOrderPriority.Normal);
        var result = Wait(() => Services.GetRequiredService<PlanService>().CreateAsync(draft, MaintenanceActor.Bootstrap, null));
        return result.Value ?? throw new InvalidOperationException(result.Detail);
    }

    protected static List<string> Names(IRenderedComponent<PlansPage> cut) =>
        cut.FindAll("[data-testid=plan-table] tbody tr [data-testid=plan-name]").Select(n => n.TextContent.Trim()).Distinct().ToList();
}
