using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Reconciliation;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The report import page (issue 16 item 1): an administrator's file shows its outcome — the figures and each row that
/// was not imported with the reason —, the report joins the list; anyone else finds no such page.
/// </summary>
public sealed class ReportImportPageTests : ReconciliationComponentTest
{
    [Fact]
    public void An_uploaded_report_shows_its_figures_and_the_rows_it_refused_with_their_reason()
    {
        SettledSale("T-1", "000701-0001", "700000000001", 12800);
        var cut = Render<ReportImportPage>();
        // The upload opens once the page has chosen the acquirer (the only one of the stores).
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[type=file]").HasAttribute("disabled")));

        var report = Csv(
            Line(SaleDay, "10000001", "700000000001", 12800),
            Line(SaleDay, "99999999", "700000000002", 100),
            Line(SaleDay, "10000001", "700000000003", 100).Replace(",CNY,", ",YUAN,"));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(report, "day-1122.csv", contentType: "text/csv"));

        cut.WaitForAssertion(() => Assert.Contains("day-1122.csv", cut.Find("[data-testid=report-done]").TextContent), TimeSpan.FromSeconds(15));
        Assert.Equal("1", cut.Find("[data-testid=figure-matched] h6").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid=figure-errors] h6").TextContent.Trim());
        var errors = cut.FindAll("[data-testid=report-errors] tbody tr")
            .ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("terminal id '99999999'", errors["3"]);
        Assert.Contains("three-letter ISO 4217", errors["4"]);
        Assert.Contains("day-1122.csv", cut.Find("[data-testid=report-list]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=report-refused]"));
    }

    [Fact]
    public void A_report_with_a_full_card_number_is_refused_naming_the_row()
    {
        var cut = Render<ReportImportPage>();
        // The upload opens once the page has chosen the acquirer (the only one of the stores).
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[type=file]").HasAttribute("disabled")));

        var report = Csv(Line(SaleDay, "10000001", "700000000001", 12800), Line(SaleDay, "10000001", "700000000002", 100)
            .Replace("622848******1234", "6228480402564890018"));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(report, "leak.csv", contentType: "text/csv"));

        cut.WaitForAssertion(() => Assert.Contains("Row 3 holds a full card number", cut.Find("[data-testid=report-refused]").TextContent),
            TimeSpan.FromSeconds(15));
        Assert.Empty(Wait(() => Reconciliation.ListAsync(FleetOps.Core.Access.AccessScope.All)));
    }

    [Theory]
    [InlineData(FleetOps.Web.Security.Roles.RegionalManager)]
    [InlineData(FleetOps.Web.Security.Roles.StoreManager)]
    [InlineData(FleetOps.Web.Security.Roles.Technician)]
    public void Nobody_but_an_administrator_reaches_the_import_or_the_profiles(string role)
    {
        SignInAs(role, regions: role == FleetOps.Web.Security.Roles.RegionalManager ? ["East"] : null,
            stores: role == FleetOps.Web.Security.Roles.RegionalManager ? null : ["S-1"]);

        var import = Render<ReportImportPage>();
        var profiles = Render<ReportProfilesPage>();

        import.WaitForAssertion(() => Assert.NotNull(import.Find("[data-testid=not-found]")));
        profiles.WaitForAssertion(() => Assert.NotNull(profiles.Find("[data-testid=not-found]")));
        Assert.Empty(import.FindAll("input[type=file]"));
        Assert.Empty(profiles.FindAll("[data-testid=profile-editor]"));
    }

    private string Address => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;

    [Fact]
    public void The_report_shown_is_in_the_address_and_a_link_to_it_opens_it_with_the_stores_time()
    {
        var first = Import(Csv(Line(SaleDay, "10000001", "700000000001", 12800)), "day-1122.csv");
        var second = Import(Csv(Line(SaleDay.AddDays(1), "10000001", "700000000002", 100)), "day-1123.csv");

        var cut = RenderAt<ReportImportPage>($"reconciliation/import?report={first.Id}");

        // The linked report's outcome, not the other one's.
        cut.WaitForAssertion(() => Assert.Contains("day-1122.csv", cut.Find("[data-testid=report-done]").TextContent));
        // Imported at the test clock's time, shown on the stores' clock (Asia/Shanghai), as every other page shows times.
        var importedAt = first.ImportedAt.ToOffset(TimeSpan.FromHours(8));
        Assert.Contains($"{importedAt:HH:mm:ss} +08:00", cut.Find("[data-testid=report-list]").TextContent);
        Assert.DoesNotContain("+00:00", cut.Find("[data-testid=report-list]").TextContent);

        cut.FindAll("[data-testid=report-list] tbody tr").Single(r => r.TextContent.Contains("day-1123.csv")).Click();

        cut.WaitForAssertion(() => Assert.Contains("day-1123.csv", cut.Find("[data-testid=report-done]").TextContent));
        Assert.Contains($"report={second.Id}", Address);
    }
}
