using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.EmergencyPlans;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// A save asks who saves at the moment of saving: the editor was opened while the person kept the store, and an
/// administrator may have taken it away since (the open page is reloaded too, AccessChangeTests in the E2E suite; this is
/// the rule that holds even before that reload arrives).
/// </summary>
public sealed class EmergencyPlanScopeChangeTests : FleetComponentTest
{
    public EmergencyPlanScopeChangeTests()
    {
        Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2");
    }

    [Fact]
    public void A_manager_whose_store_was_taken_away_while_editing_cannot_save_it()
    {
        var manager = SignInAsStoreManager("S-1");
        var cut = Render<EmergencyPlanPage>(p => p.Add(x => x.Code, "S-1"));
        cut.Find("[data-testid=plan-edit]").Click();
        cut.Find("[data-testid='field-upsLocation']").Change("Under the checkout");

        Wait(() => Users.UpdateAsync(manager, Roles.StoreManager, stores: ["S-2"]));
        cut.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("No store S-1.", cut.Find("[data-testid=plan-message]").TextContent.Trim()));
        var stored = Wait(() => Services.GetRequiredService<EmergencyPlanService>().ReadAsync("S-1", MaintenanceActor.Bootstrap))!;
        Assert.False(stored.IsSaved);
    }
}
