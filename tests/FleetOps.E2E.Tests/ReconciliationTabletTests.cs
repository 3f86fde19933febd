using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// The reconciliation page on a tablet. A class of its own, with its own app: its acquirer would be a second one in
/// <see cref="ReconciliationLiveTests"/>' app, whose import page then no longer chooses the acquirer by itself.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReconciliationTabletTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    /// <summary>Per row of a table: the cells that end beyond the window, and the first cell's lines of text.</summary>
    private const string DayRowFacts = """
        table => [...table.querySelectorAll('tbody tr')].map(row => {
            const cells = [...row.querySelectorAll('td')].filter(td => td.getBoundingClientRect().width > 0);
            const range = document.createRange();
            range.selectNodeContents(cells[0]);
            return {
                beyond: cells.filter(td => td.getBoundingClientRect().right > window.innerWidth + 1).map(td => td.textContent.trim()),
                dayLines: new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size,
            };
        })
        """;

    /// <summary>
    /// The per-day table on a 1024-px tablet, with a credited day's gross, fees and net: ten columns broke the day over
    /// three lines ("7 / Dec / 2026") and ran the net off the window's edge, MudBlazor's cell padding taking 400 px of it.
    /// </summary>
    [Fact]
    public async Task A_tablet_shows_the_days_of_a_credited_report_whole_and_within_the_window()
    {
        var api = fixture.Api;
        const string rrn = "700000000051";
        var (acquirer, merchant, acquirerTerminal, _, _, _, day) = await SettlementCsv.SettledSaleAsync(api, daysAgo: 3, rrn);
        // A credit of a large sum beside the sale's: the widest money a day's row shows.
        await api.ImportSettlementReportAsync(acquirer, "tablet.csv",
            SettlementCsv.Csv([SettlementCsv.Line(day, merchant, acquirerTerminal, rrn, 12800), SettlementCsv.Line(day, merchant, acquirerTerminal, "700000000052", 123_456_789)]));

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"reconciliation?acquirer={Uri.EscapeDataString(acquirer)}");
        var table = page.Locator("[data-testid=recon-days]");
        await Expect(table.Locator("[data-testid=day-credited]").First).ToHaveTextAsync("1");

        var rows = (await table.EvaluateAsync(DayRowFacts))!.Value.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        var problems = rows.SelectMany(r => r.GetProperty("beyond").EnumerateArray().Select(c => $"a cell ends beyond the window: {c.GetString()}")
            .Concat(r.GetProperty("dayLines").GetInt32() > 1 ? [$"the day takes {r.GetProperty("dayLines").GetInt32()} lines"] : [])).ToList();
        Assert.True(problems.Count == 0, "At 1024×768:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
