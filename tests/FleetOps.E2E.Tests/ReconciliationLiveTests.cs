using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private const string Header = "date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor";

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

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private int _events;

    [Fact]
    public async Task A_report_uploaded_in_the_browser_shows_its_progress_and_re_credits_a_not_credited_sale_live_on_another_page()
    {
        var api = fixture.Api;
        var acquirer = $"acq-{FleetOpsClient.Letters(8)}";
        var merchant = "8983100" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var acquirerTerminal = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var store = await api.CreateAcquirerStoreAsync(acquirer, merchant);
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterAcquirerTerminalAsync(terminal, store, acquirerTerminal);

        // A sale settled five days ago at noon, store time.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var day = today.AddDays(-5);
        var settledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        var sale = FleetOpsClient.NewId("tx");
        const string rrn = "700000000031";
        await api.PostEventsAsync(terminal, key, Stage(sale, "authorized", settledAt.AddMinutes(-2), rrn),
            Stage(sale, "completed", settledAt.AddMinutes(-1), rrn), Stage(sale, "settled", settledAt, rrn));

        // The first report covers the settlement day and the two after it, and credits other payments only: not credited.
        await api.ImportSettlementReportAsync(acquirer, "first.csv",
            Csv([Line(day, merchant, acquirerTerminal, "700000000039", 100), Line(day.AddDays(2), merchant, acquirerTerminal, "700000000038", 100)]));

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
        var lines = new List<string> { Line(day.AddDays(3), merchant, acquirerTerminal, rrn, 12800) };
        lines.AddRange(Enumerable.Range(0, ForeignRows).Select(i =>
            Line(day.AddDays(3), "", $"foreign-{i}", (800_000_000_000L + i).ToString(CultureInfo.InvariantCulture), 100)));
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync(E2EFixture.Administrator);
        await admin.OpenReadyAsync("reconciliation/import", live: true);
        // The app of this class knows one acquirer, which the page chooses by itself.
        await Expect(admin.Locator("[data-testid=choose-report]")).ToBeEnabledAsync();
        await admin.EvaluateAsync(WatchBar);
        await admin.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "next-day.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv(lines)),
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
        var acquirer = $"acq-{FleetOpsClient.Letters(8)}";
        var merchant = "8983100" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var acquirerTerminal = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var store = await api.CreateAcquirerStoreAsync(acquirer, merchant);
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterAcquirerTerminalAsync(terminal, store, acquirerTerminal);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var day = today.AddDays(-3);
        var settledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        var sale = FleetOpsClient.NewId("tx");
        const string rrn = "700000000051";
        await api.PostEventsAsync(terminal, key, Stage(sale, "authorized", settledAt.AddMinutes(-2), rrn),
            Stage(sale, "completed", settledAt.AddMinutes(-1), rrn), Stage(sale, "settled", settledAt, rrn));
        // A credit of a large sum beside the sale's: the widest money a day's row shows.
        await api.ImportSettlementReportAsync(acquirer, "tablet.csv",
            Csv([Line(day, merchant, acquirerTerminal, rrn, 12800), Line(day, merchant, acquirerTerminal, "700000000052", 123_456_789)]));

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

    private JsonObject Stage(string transactionId, string stage, DateTimeOffset at, string rrn) => new()
    {
        ["id"] = $"e2e-recon-{Interlocked.Increment(ref _events)}-{FleetOpsClient.Letters(12)}", ["type"] = "transaction",
        ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["transactionId"] = transactionId, ["stage"] = stage,
        ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234", ["authCode"] = "A1B2C3", ["rrn"] = rrn,
        ["batchNumber"] = "000123",
    };

    private static string Line(DateOnly day, string merchant, string terminal, string rrn, long amountMinor) =>
        string.Join(',', day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), merchant, terminal, rrn, "A1B2C3",
            amountMinor.ToString(CultureInfo.InvariantCulture), "CNY", "622848******1234", "sale", "50");

    private static string Csv(IEnumerable<string> lines) => Header + "\n" + string.Join("\n", lines) + "\n";
}
