using AngleSharp.Dom;
using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The reconciliation page (issue 16 item 3): a report imported while the page is open shows at once — the sale day with
/// its sales, credited, outstanding and mismatched counts, the exceptions, the scorecard —; a store manager sees only
/// their store's sales and exceptions.
/// </summary>
public sealed class ReconciliationPageTests : ReconciliationComponentTest
{
    public ReconciliationPageTests()
    {
        SettledSale("T-1", "000701-0001", "700000000001", 12800); // credited the next day
        SettledSale("T-1", "000701-0002", "700000000002", 5000);  // never credited
        SettledSale("T-1", "000701-0003", "700000000003", 3000);  // credited 29.00 instead of 30.00
        SettledSale("T-2", "000702-0001", "700000000011", 8000);  // credited the same day
        SettledSale("T-2", "000702-0002", "700000000012", 4000);  // credited 39.00 instead of 40.00
    }

    private void ImportTheReport() => Import(Csv(
        Line(SaleDay, "10000002", "700000000011", 8000),
        Line(SaleDay, "10000002", "700000000012", 3900),
        Line(SaleDay, "10000001", "700000000003", 2900),
        Line(SaleDay.AddDays(1), "10000001", "700000000001", 12800),
        Line(SaleDay.AddDays(2), "10000001", "700000000009", 100)));

    /// <summary>The sale day's row: the only day with sales (the other days only booked money).</summary>
    private static IElement SaleDayRow(IRenderedComponent<ReconciliationPage> cut) =>
        cut.FindAll("[data-testid=recon-days] tr").Single(r => r.QuerySelector("[data-testid=day-sales]") is { } s && s.TextContent.Trim() != "0");

    private static string Figure(IElement row, string figure) => row.QuerySelector($"[data-testid=day-{figure}]")!.TextContent.Trim();

    [Fact]
    public void Settled_sales_no_report_has_reached_count_as_awaiting_report_until_one_does()
    {
        var cut = Render<ReconciliationPage>();

        cut.WaitForAssertion(() => Assert.Equal(("5", "5"), (Figure(SaleDayRow(cut), "sales"), Figure(SaleDayRow(cut), "awaiting"))));
        Assert.Contains("Awaiting report", cut.Find("[data-testid=recon-awaiting-note]").TextContent, StringComparison.Ordinal);
        // Counts are by the sale's settlement day, money by the line's booking day, exceptions by either: the page says so.
        Assert.Contains("gross, fees and net add up the report lines the acquirer booked on the day", cut.Find("[data-testid=recon-awaiting-note]").TextContent);
        Assert.Contains("the day the sale was settled for a sale not credited", cut.Find("[data-testid=recon-exception-day-note]").TextContent);

        ImportTheReport();

        cut.WaitForAssertion(() => Assert.Equal(("5", "2", "0"), (Figure(SaleDayRow(cut), "sales"), Figure(SaleDayRow(cut), "credited"), Figure(SaleDayRow(cut), "awaiting"))));
    }

    [Fact]
    public void A_report_imported_while_the_page_is_open_shows_the_day_the_exceptions_and_the_scorecard()
    {
        var cut = Render<ReconciliationPage>();
        cut.WaitForAssertion(() => Assert.Contains("No settlement report", cut.Find("[data-testid=recon-chart]").TextContent, StringComparison.OrdinalIgnoreCase));

        ImportTheReport();

        // The sale day shows its five sales before the import too (awaiting a report), and the page reads the day, the
        // exceptions and the scorecard one after the other: wait until all of them show the report.
        cut.WaitForAssertion(() =>
        {
            var day = SaleDayRow(cut);
            Assert.Equal(("5", "2", "1"), (Figure(day, "sales"), Figure(day, "credited"), Figure(day, "outstanding")));
            Assert.Contains("unionpay", day.TextContent);
            var kinds = cut.FindAll("[data-testid=exception-kind]").Select(e => e.GetAttribute("data-kind")).ToList();
            Assert.Equal(2, kinds.Count(k => k == "AmountMismatch"));
            Assert.Contains("CreditedWithoutSale", kinds);
            // The sale never credited has no report line; its amount is what its terminal recorded — the money missing.
            var never = cut.FindAll("[data-testid=recon-exceptions] tbody tr")
                .Single(r => r.QuerySelector("[data-testid=exception-kind]")?.GetAttribute("data-kind") == "NotCredited");
            Assert.Equal("CN¥50.00", never.QuerySelector("[data-testid=exception-amount]")!.TextContent.Trim());
            var exceptions = cut.Find("[data-testid=recon-exceptions]").TextContent;
            Assert.Contains("S-1", exceptions);
            Assert.Contains("S-2", exceptions);
            // Of five judged sales one was never credited (20 %) and two were credited wrong (40 %).
            var scorecard = cut.Find("[data-testid=recon-scorecard]").TextContent;
            Assert.Contains("20.0%", scorecard);
            Assert.Contains("40.0%", scorecard);
        });
    }

    [Fact]
    public void The_credited_rate_is_drawn_as_a_line_with_the_days_awaiting_a_report_left_out()
    {
        var cut = Render<ReconciliationPage>();
        ImportTheReport();

        // Of the sale day's five sales two were credited in full: 40 %. The 29 other days have no judged sale and are no
        // points at all — a point of NaN, as once, made the whole line invalid and the chart empty.
        const string Chart = "[data-testid=recon-chart] svg:not(.mud-icon-root)";
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(Chart)));
        var chart = cut.Find(Chart);
        Assert.DoesNotContain("NaN", chart.OuterHtml, StringComparison.Ordinal);
        // A lone day is a line of one point, which draws nothing: its dot is what shows it (it was there only as an
        // invisible hover target, opacity 0, and the chart looked empty).
        var dots = chart.QuerySelectorAll("circle").Where(c => c.GetAttribute("opacity") != "0").ToList();
        Assert.Single(dots);
        // The value axis of a rate goes from zero to 100 % in quarters (not 0–128 in steps of 32, as rates of 100 % had; not
        // 0–50, which drew 40 % near the top).
        var ticks = chart.QuerySelectorAll("text").Select(t => t.TextContent.Trim()).Where(t => int.TryParse(t, out _)).ToList();
        Assert.Equal(["0", "25", "50", "75", "100"], ticks);
    }

    [Fact]
    public void A_store_manager_sees_only_their_store()
    {
        ImportTheReport();
        SignInAsStoreManager("S-1");

        var cut = Render<ReconciliationPage>();

        cut.WaitForAssertion(() => Assert.Equal("3", Figure(SaleDayRow(cut), "sales")));
        var day = SaleDayRow(cut);
        Assert.Equal(("1", "1"), (Figure(day, "credited"), Figure(day, "outstanding")));
        var exceptions = cut.Find("[data-testid=recon-exceptions]").TextContent;
        Assert.Contains("S-1", exceptions);
        Assert.DoesNotContain("S-2", exceptions);
        Assert.Single(cut.FindAll("[data-testid=exception-kind]"), e => e.GetAttribute("data-kind") == "AmountMismatch");
        // Their three sales: one never credited, one credited wrong.
        Assert.Contains("33.3%", cut.Find("[data-testid=recon-scorecard]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=recon-profiles]"));
    }

    private string Address => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;

    /// <summary>The RRNs of the exceptions the table shows now (all credited without a sale here).</summary>
    private static List<string> ShownExceptions(IRenderedComponent<ReconciliationPage> cut) =>
        cut.FindAll("[data-testid=recon-exceptions] tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()).ToList();

    [Fact]
    public void A_link_to_the_second_page_of_exceptions_opens_it_and_paging_is_written_back()
    {
        // Twenty credits no terminal recorded: two pages of exceptions (15 a page).
        Import(Csv(Enumerable.Range(1, 20).Select(i => Line(SaleDay, "10000001", $"7100000000{i:00}", 100)).ToArray()));

        var cut = RenderAt<ReconciliationPage>("reconciliation?exceptionsPage=2");

        cut.WaitForAssertion(() => Assert.Equal(5, ShownExceptions(cut).Count));
        var second = ShownExceptions(cut);
        var pager = cut.Find("[data-testid=recon-exceptions]");
        pager.QuerySelector("button[aria-label='Previous page']")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(15, ShownExceptions(cut).Count));
        Assert.Empty(ShownExceptions(cut).Intersect(second));
        Assert.DoesNotContain("exceptionsPage", Address);

        cut.Find("[data-testid=recon-exceptions] button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(second, ShownExceptions(cut)));
        Assert.Contains("exceptionsPage=2", Address);
        // The days table keeps its own page: still the first.
        Assert.DoesNotContain("daysPage", Address);
    }
}
