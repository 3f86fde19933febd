using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Components.Training;
using FleetOps.Web.Components.Transactions;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Components.Tests;

/// <summary>
/// The shared region and store filter on every page that uses it: a person whose stores are all in one region is offered
/// no region select (its one choice changed nothing; east.manager saw it), while one with two regions is; the store select
/// stays either way, and a region named in the address still narrows the stores offered.
/// </summary>
public sealed class RegionStoreFilterTests : FleetComponentTest
{
    public RegionStoreFilterTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        AddStore("S-3");
    }

    /// <summary>The page at <paramref name="query"/>, and the prefix of its filter's test ids.</summary>
    private (IRenderedComponent<IComponent> Page, string TestId) Open(string page, string query = "") => page switch
    {
        "training" => (RenderAt<TrainingOverview>($"training{query}"), "training"),
        "success-rate" => (RenderAt<SuccessRate>($"success-rate{query}"), "success"),
        _ => (RenderAt<WorkOrdersPage>($"maintenance{query}"), "work-order"),
    };

    [Theory]
    [InlineData("training")]
    [InlineData("success-rate")]
    [InlineData("maintenance")]
    public void A_person_with_one_region_sees_no_region_select_and_one_with_two_does(string page)
    {
        SignInAsRegionalManager("East");
        var (east, id) = Open(page);
        east.WaitForAssertion(() => Assert.Single(east.FindAll($"[data-testid={id}-store]")));
        Assert.Empty(east.FindAll($"[data-testid={id}-region]"));
        east.Dispose();

        SignInAsRegionalManager("East", "North");
        var (both, _) = Open(page);
        both.WaitForAssertion(() => Assert.Single(both.FindAll($"[data-testid={id}-region]")));
        Assert.Single(both.FindAll($"[data-testid={id}-store]"));
    }

    [Fact]
    public void A_region_in_the_address_that_is_not_the_person_s_still_applies_and_keeps_the_select_to_clear_it()
    {
        SignInAsRegionalManager("East");
        var (cut, id) = Open("training", "?region=North"); // e.g. a link from a colleague who has North

        // The region still applies: no store of theirs is in North, so none is offered; hiding the select would leave them
        // no way out but editing the address.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindComponent<StorePicker>().Instance.Stores));
        Assert.Single(cut.FindAll($"[data-testid={id}-region]"));
    }
}
