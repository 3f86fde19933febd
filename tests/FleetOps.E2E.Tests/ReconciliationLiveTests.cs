using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetOps.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Acquirer reconciliation in the browser (issue 16): an administrator uploads the acquirer's settlement report on the
/// import page and watches its progress bar fill before the outcome shows; the report credits a sale an earlier report
/// proved <c>not_credited</c> (the worklist names that report), and a second page, open on that sale's case, sees the case resolved as re-credited without a
/// reload, while the sale is gone from the open worklist.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReconciliationLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    /// <summary>
    /// Rows the acquirer lists for terminals FleetOps does not know (errors per row, nothing stored): enough of them that
    /// the import takes long enough for the bar to be seen moving, whatever the machine.
    /// </summary>
    private const int ForeignRows = 60_000;

    /// <summary>
    /// Records, in the browser, every percentage the import's bar shows and the moment the outcome appears, in order: a
    /// MutationObserver sees each render, so the test asserts what was shown without racing the page.
    /// </summary>
    private const string WatchBar = """
        () => {
            window.__bar = [];
            const look = () => {
                const bar = document.querySelector('[data-testid=report-progress-bar]');
                const value = bar?.getAttribute('data-percent');
                if (value && window.__bar[window.__bar.length - 1] !== value) window.__bar.push(value);
                if (document.querySelector('[data-testid=report-done]') && !window.__bar.includes('outcome')) window.__bar.push('outcome');
            };
            new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-percent'] });
        }
        """;

    [Fact]
    public async Task A_report_uploaded_in_the_browser_shows_its_progress_and_re_credits_a_not_credited_sale_live_on_another_page()
    {
        var api = fixture.Api;
        const string rrn = "700000000031";
        // A sale settled five days ago at noon, store time.
        var (acquirer, merchant, acquirerTerminal, store, terminal, sale, day) = await SettlementCsv.SettledSaleAsync(api, daysAgo: 5, rrn);

        // The first report covers the settlement day and the two after it, and credits other payments only: not credited.
        await api.ImportSettlementReportAsync(acquirer, "first.csv",
            SettlementCsv.Csv([SettlementCsv.Line(day, merchant, acquirerTerminal, "700000000039", 100), SettlementCsv.Line(day.AddDays(2), merchant, acquirerTerminal, "700000000038", 100)]));

        var watcher = await fixture.NewPageAsync();
        await watcher.SignInAsync(E2EFixture.Administrator);
        await watcher.OpenLiveAsync($"transactions/unsettled?store={Uri.EscapeDataString(store)}");
        var row = watcher.Locator($"[data-testid='unsettled-{terminal}-{sale}']");
        await Expect(row).ToHaveAttributeAsync("data-reason", "not_credited", new() { Timeout = PageExtensions.LiveTimeoutMs });
        // The worklist names the report that proves the credit missing.
        await Expect(row.Locator("[data-testid=credit-proof]:visible")).ToContainTextAsync("first.csv");
        await row.Locator("[data-testid=open-case-link]").ClickAsync();
        await Expect(watcher.Locator("[data-testid=case-credit-proof]")).ToContainTextAsync("first.csv");
        await watcher.Locator("[data-testid=open-case]").ClickAsync();
        await Expect(watcher.Locator("[data-testid=step-check]")).ToBeVisibleAsync();
        await watcher.MarkDocumentAsync();

        // The next day's report credits the sale; the acquirer also lists many payments of terminals FleetOps does not know.
        var lines = new List<string> { SettlementCsv.Line(day.AddDays(3), merchant, acquirerTerminal, rrn, 12800) };
        lines.AddRange(Enumerable.Range(0, ForeignRows).Select(i =>
            SettlementCsv.Line(day.AddDays(3), "", $"foreign-{i}", (800_000_000_000L + i).ToString(CultureInfo.InvariantCulture), 100)));
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync(E2EFixture.Administrator);
        await admin.OpenReadyAsync("reconciliation/import", live: true);
        // The app of this class knows one acquirer, which the page chooses by itself.
        await Expect(admin.Locator("[data-testid=choose-report]")).ToBeEnabledAsync();
        await admin.EvaluateAsync(WatchBar);
        await admin.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "next-day.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(SettlementCsv.Csv(lines)),
        }, new() { Timeout = 60_000 }); // a few megabytes handed to the browser: slow on a busy machine

        await Expect(admin.Locator("[data-testid=report-done]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var shown = JsonSerializer.Deserialize<string[]>((await admin.EvaluateAsync("() => window.__bar"))!.Value.GetRawText())!;
        var beforeOutcome = shown.TakeWhile(s => s != "outcome").Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.True(beforeOutcome.Any(p => p is > 0 and < 100), $"The bar showed no progress before the outcome: [{string.Join(", ", shown)}]");
        Assert.Equal(beforeOutcome.Order(), beforeOutcome); // it only moves forward
        await Expect(admin.Locator("[data-testid=report-errors]")).ToContainTextAsync("foreign-");

        // The other page, open on the case all along, sees it resolved as re-credited.
        await Expect(watcher.Locator("[data-testid=case-outcome]")).ToContainTextAsync("Re-credited", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await watcher.AssertNotReloadedAsync();
        await admin.OpenLiveAsync($"transactions/unsettled?store={Uri.EscapeDataString(store)}");
        await Expect(admin.Locator("[data-testid=unsettled-empty]")).ToBeVisibleAsync();
        await watcher.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
