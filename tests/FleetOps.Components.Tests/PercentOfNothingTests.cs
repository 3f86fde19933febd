using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Components.Reconciliation;
using FleetOps.Web.Components.Training;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// A share of nothing reads "–", as a missing median does: "0.0% never credited" for an acquirer without sales, or "0%
/// current" for a store without staff, would read as a measurement where there was nothing to measure (a store without
/// staff says so in words).
/// </summary>
public sealed class PercentOfNothingTests : FleetComponentTest
{
    public PercentOfNothingTests()
    {
        Context.Render<MudPopoverProvider>();
        AddStore("S-1");
    }

    private static string[] Cells(IRenderedComponent<AcquirerScorecardTable> cut, string acquirer) =>
        cut.FindAll("[data-testid=recon-scorecard] tbody tr").Single(r => r.TextContent.Contains(acquirer))
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

    [Fact]
    public void An_acquirer_without_sales_shows_no_shares_and_one_with_sales_shows_them()
    {
        var cut = Render<AcquirerScorecardTable>(p => p.Add(x => x.Scores,
        [
            new AcquirerScore("Idle Bank", 0, 0, null, null, 0, 0, []),
            new AcquirerScore("Busy Bank", 3, 2, 1, 2, 1, 0, []),
        ]));

        // Acquirer, sales, median, 95th percentile, never credited, credited wrong.
        Assert.Equal(["Idle Bank", "0", "–", "–", "–", "–"], Cells(cut, "Idle Bank")[..6]);
        Assert.Equal(["33.3%", "0.0%"], Cells(cut, "Busy Bank")[4..6]);
    }

    [Fact]
    public void A_store_without_staff_says_so_instead_of_a_share_of_them_current()
    {
        SignInAsStoreManager("S-1");

        var cut = Render<TrainingPage>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForAssertion(() => Assert.Equal("No staff on the roster yet", cut.Find("[data-testid=training-compliance]").TextContent.Trim()));
    }
}
