using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetOps.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// What the responsive sweep's data does not reach, on a phone (390×844) in both languages: a terminal needing attention
/// on the unsettled page (its reason chips wrap whole, its open batch is on screen), the app bar with an alert count (it
/// ends inside the window, the count clear of the account button), and terminal ids on the power page kept on one line.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PhoneFitTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    private int _events;

    private string EventId() => $"e2e-phone-{Interlocked.Increment(ref _events)}-{FleetOpsClient.Letters(12)}";

    private static string At(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>A heartbeat reporting a reversal it could not send and an open batch: the terminal needs attention.</summary>
    private JsonObject Heartbeat() => new()
    {
        ["id"] = EventId(), ["type"] = "heartbeat", ["at"] = At(DateTimeOffset.UtcNow), ["bootId"] = "boot-1", ["uptimeSeconds"] = 3600,
        ["appVersion"] = "3.2.1", ["firmwareVersion"] = "1.8.0", ["powerSource"] = "mains", ["batteryPercent"] = 95,
        ["pendingReversals"] = 1, ["openBatchCount"] = 1, ["openBatchAmountMinor"] = 12800, ["currency"] = "CNY",
    };

    private JsonObject Sale(string transactionId, string stage, DateTimeOffset at) => new()
    {
        ["id"] = EventId(), ["type"] = "transaction", ["at"] = At(at), ["transactionId"] = transactionId, ["stage"] = stage,
        ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234", ["authCode"] = "A1B2C3",
        ["rrn"] = "123456789012", ["batchNumber"] = "000123",
    };

    private JsonObject PowerLost(DateTimeOffset at) => new() { ["id"] = EventId(), ["type"] = "power", ["at"] = At(at), ["state"] = "lost" };

    /// <summary>Chips whose text is taller or wider than the chip, and cells of the row that end beyond the window.</summary>
    private const string RowProblems = """
        row => {
            const problems = [];
            for (const chip of row.querySelectorAll('.mud-chip')) {
                const c = chip.getBoundingClientRect(), t = chip.querySelector('.mud-chip-content').getBoundingClientRect();
                if (chip.scrollHeight > chip.clientHeight + 1 || t.top < c.top - 1 || t.bottom > c.bottom + 1)
                    problems.push(`chip cut: text ${Math.round(t.height)} px in a ${Math.round(c.height)} px chip: ${chip.textContent.trim()}`);
            }
            for (const td of row.querySelectorAll('td')) {
                const r = td.getBoundingClientRect();
                if (r.width > 0 && r.right > window.innerWidth + 1) problems.push(`cell ends at ${Math.round(r.right)} px: ${td.textContent.trim()}`);
            }
            return problems;
        }
        """;

    /// <summary>The app bar's right edge (its last button) and whether the alert count overlaps the account button.</summary>
    private const string HeaderFacts = """
        () => {
            const bar = document.querySelector('header');
            const right = Math.max(...[...bar.querySelectorAll('button, a, .mud-chip')].map(e => e.getBoundingClientRect().right));
            const badge = bar.querySelector('.mud-badge'), account = bar.querySelector('[data-testid=user-menu-button]').getBoundingClientRect();
            const gap = badge && badge.getBoundingClientRect().width > 0 ? account.left - badge.getBoundingClientRect().right : null;
            return { right, width: window.innerWidth, gap };
        }
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_shows_the_attention_table_the_app_bar_and_power_ids_whole(string language)
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(terminal, store);
        // Completed 30 h ago and never settled (past the 26 h limit), then a heartbeat with a reversal it could not send.
        var sale = FleetOpsClient.NewId("tx");
        var longAgo = DateTimeOffset.UtcNow.AddHours(-30);
        await api.PostEventsAsync(terminal, key, Sale(sale, "authorized", longAgo), Sale(sale, "completed", longAgo.AddSeconds(20)));
        await api.PostEventsAsync(terminal, key, Heartbeat());
        // Three power losses in a few hours: the power page lists the terminal as unstable.
        await api.PostEventsAsync(terminal, key, PowerLost(DateTimeOffset.UtcNow.AddHours(-4)), PowerLost(DateTimeOffset.UtcNow.AddHours(-3)),
            PowerLost(DateTimeOffset.UtcNow.AddHours(-2)));

        var page = await fixture.NewPageAsync(locale: language);
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsAdministratorAsync(page);

        await page.OpenReadyAsync("transactions/unsettled", live: true);
        var row = page.Locator($"[data-testid='attention-{terminal}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".mud-chip")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"phone-attention-{language}.png"), FullPage = true });
        // Every fault is gathered before the test fails, so one run names all of them.
        var problems = JsonSerializer.Deserialize<string[]>((await row.EvaluateAsync(RowProblems))!.Value.GetRawText())!.ToList();
        // The open batch's column folds away on a phone; its amount reads under the terminal.
        var caption = row.Locator("[data-testid=attention-batch-caption]");
        if (!await caption.IsVisibleAsync() || !(await caption.TextContentAsync() ?? "").Contains("128.00", StringComparison.Ordinal))
            problems.Add("the open batch does not show under the terminal");

        var header = (await page.EvaluateAsync(HeaderFacts))!.Value;
        if (header.GetProperty("right").GetDouble() > 390.5) problems.Add($"the app bar ends at {header.GetProperty("right").GetDouble()} px");
        if (header.GetProperty("gap") is { ValueKind: JsonValueKind.Number } gap && gap.GetDouble() < 2)
            problems.Add($"the alert count is {gap.GetDouble()} px from the account button");

        await page.OpenReadyAsync("power", live: true);
        var id = page.Locator($"[data-testid='unstable-{terminal}'] a").First;
        await Expect(id).ToHaveTextAsync(terminal);
        var lines = await id.EvaluateAsync<int>("a => a.getClientRects().length");
        if (lines != 1) problems.Add($"the power page breaks the terminal id over {lines} lines");
        Assert.True(problems.Count == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>How many lines an element's text is drawn on.</summary>
    private const string LinesOf = """
        e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
        }
        """;

    /// <summary>
    /// A technician's work on a phone: every chip stood 44 px tall (the touch rule reached chips that are only read), so a
    /// work order's state and priority were tall ovals that doubled its row; and the KPIs' "100%" broke over two lines
    /// ("100" / "%") in its half-width card.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_shows_a_work_order_s_chips_at_their_text_s_height_and_a_kpi_share_on_one_line(string language)
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var terminal = FleetOpsClient.NewId("T");
        await api.RegisterTerminalAsync(terminal, store);
        var technician = await fixture.CreateUserAsync(FleetOps.Web.Security.Roles.Technician, stores: [store]);
        await api.CompleteWorkOrderAsync(await api.CreateWorkOrderAsync(store, terminal, technician.Email)); // done a day early: 100 % on time
        var open = await api.CreateWorkOrderAsync(store, terminal, technician.Email);

        var page = await fixture.NewPageAsync(locale: language);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(technician);
        await page.OpenReadyAsync("maintenance", live: true);
        var problems = new List<string>();
        foreach (var chip in await page.Locator($"[data-testid=work-order-{open}] .mud-chip >> visible=true").AllAsync())
        {
            var box = (await chip.BoundingBoxAsync())!;
            if (box.Height > 36) problems.Add($"the chip \"{(await chip.TextContentAsync())?.Trim()}\" is {box.Height} px tall");
        }
        if (problems.Count == 0 && await page.Locator($"[data-testid=work-order-{open}] .mud-chip >> visible=true").CountAsync() < 2)
            problems.Add("the row shows no state and priority chips");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"phone-work-orders-{language}.png"), FullPage = true });

        await page.OpenReadyAsync("maintenance/kpis", live: true);
        var share = page.Locator("[data-testid=kpi-on-time] .kpi-value");
        await Expect(share).ToHaveTextAsync("100%");
        var lines = await share.EvaluateAsync<int>(LinesOf);
        if (lines != 1) problems.Add($"the on-time share \"100%\" takes {lines} lines");
        Assert.True(problems.Count == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>A new store's roster with one person, "Chen Jing" in <paramref name="role"/>, open at the given size; their row.</summary>
    private async Task<(IPage Page, ILocator Row)> RosterRowAsync(string language, string role, int width, int height)
    {
        var store = await fixture.Api.CreateStoreAsync();
        var person = await fixture.Api.AddStaffAsync(store, "Chen Jing", role);
        var page = await fixture.NewPageAsync(locale: language);
        await page.SetViewportSizeAsync(width, height);
        await SignInAsAdministratorAsync(page);
        await page.OpenReadyAsync($"stores/{store}/training", live: true);
        var row = page.Locator($"[data-testid=staff-{person}]");
        await Expect(row.Locator("[data-testid=staff-left]")).ToBeVisibleAsync();
        return (page, row);
    }

    /// <summary>The roster row's cells: the chips' share of the row's width, and the name's and the action's lines.</summary>
    private const string RosterFacts = """
        row => {
            const rect = e => e.getBoundingClientRect();
            const name = row.querySelector('td'), chips = row.querySelector('td.fo-standing'), action = row.querySelector('[data-testid=staff-left]');
            const lineHeight = e => parseFloat(getComputedStyle(e).lineHeight) || 20;
            return {
                chipsShare: rect(chips).width / rect(row).width,
                nameLines: Math.round(rect(name).height / (lineHeight(name) + 12)),
                actionLines: Math.round(action.querySelector('.mud-button-label').getBoundingClientRect().height / lineHeight(action.querySelector('.mud-button-label'))),
            };
        }
        """;

    /// <summary>
    /// A store manager's roster on a phone: as table columns, the programmes' chips squeezed the name to a word a line
    /// ("收银员" one character a line) and "Left the store" to three lines. The chips now take the row's width under the
    /// name and the action.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_shows_a_training_roster_row_with_the_name_and_the_action_on_one_line_and_the_chips_below(string language)
    {
        var (page, row) = await RosterRowAsync(language, "收银员", 390, 844);

        var facts = (await row.EvaluateAsync(RosterFacts))!.Value;
        var problems = new List<string>();
        if (facts.GetProperty("chipsShare").GetDouble() < 0.9) problems.Add($"the chips take {facts.GetProperty("chipsShare").GetDouble():P0} of the row");
        if (facts.GetProperty("nameLines").GetInt32() > 1) problems.Add($"the name and role take {facts.GetProperty("nameLines").GetInt32()} lines");
        if (facts.GetProperty("actionLines").GetInt32() > 1) problems.Add($"the action takes {facts.GetProperty("actionLines").GetInt32()} lines");
        Assert.True(problems.Count == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>The lines each of a roster row's first three cells (name, role, start date) is drawn on.</summary>
    private const string RosterCellLines = """
        row => {
            const lines = td => {
                const range = document.createRange();
                range.selectNodeContents(td);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            };
            const cells = row.querySelectorAll('td');
            return [lines(cells[0]), lines(cells[1]), lines(cells[2])];
        }
        """;

    /// <summary>
    /// A store manager's roster on a 1024-px tablet: the chips' column took the width and broke "Chen Jing" over two lines,
    /// "收银员" inside the word ("收银" / "员") and "店长助理" likewise. The chips wrap instead.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_tablet_shows_a_roster_rows_name_role_and_start_date_each_on_one_line(string language)
    {
        var (page, row) = await RosterRowAsync(language, language == "en" ? "Cashier" : "收银员", 1024, 768);

        var lines = (await row.EvaluateAsync<int[]>(RosterCellLines))!;
        Assert.True(lines.SequenceEqual([1, 1, 1]), $"At 1024×768 in {language}: name, role and start date on {string.Join(", ", lines)} lines");
        await page.Context.CloseAsync();
    }

    /// <summary>An administrator's phone (390×844) in <paramref name="language"/>, after making a token on their tokens page.</summary>
    /// <summary>
    /// A new administrator for each page: signing in keeps the browser's language as the person's, so one shared
    /// administrator would read every later page in the language of the first test that signed them in.
    /// </summary>
    private async Task SignInAsAdministratorAsync(IPage page) =>
        await page.SignInAsync(await fixture.CreateUserAsync(FleetOps.Web.Security.Roles.Administrator));

    private async Task<(IPage Page, string TokenName)> TokenMadeOnPhoneAsync(string language)
    {
        var page = await fixture.NewPageAsync(locale: language);
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsAdministratorAsync(page);
        await page.OpenReadyAsync("account/tokens", live: true);
        var name = $"phone {FleetOpsClient.Letters(6)}";
        await page.Locator("input[data-testid=token-name]").FillAsync(name);
        await page.Locator("[data-testid=create-token]").ClickAsync();
        await Expect(page.Locator("[data-testid=new-token]")).ToBeVisibleAsync();
        return (page, name);
    }

    /// <summary>
    /// An API token's row on a phone: with its expiry beside its name, prefix, age, status and revoke button the table ran
    /// past the window's edge and the button was off screen. A phone keeps the name (prefix and age under it), the status
    /// (the expiry under it) and the button as an icon.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_shows_an_api_tokens_row_with_its_status_expiry_and_revoke_button_on_screen(string language)
    {
        var (page, name) = await TokenMadeOnPhoneAsync(language);

        var row = page.Locator("[data-testid=token-table] tbody tr", new() { HasText = name });
        await Expect(row.Locator("[data-testid=revoke-token-phone]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=token-expires-phone]")).ToBeVisibleAsync();
        var problems = await row.EvaluateAsync<string[]>(RowProblems);
        Assert.True(problems!.Length == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Everyone's tokens on an administrator's phone: the token's name, owner, prefix and age fold into its first cell, the
    /// status keeps the expiry under it, and the revoke is an icon on screen that works from there.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_lists_everyones_tokens_with_owner_status_and_revoke_on_screen(string language)
    {
        var (page, name) = await TokenMadeOnPhoneAsync(language);

        await page.OpenReadyAsync($"admin/tokens?search={Uri.EscapeDataString(name)}", live: true);
        var row = page.Locator("[data-testid=all-token-table] tbody tr", new() { HasText = name });
        await Expect(row.Locator("[data-testid=token-owner-phone]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=revoke-any-token-phone]")).ToBeVisibleAsync();
        var problems = await row.EvaluateAsync<string[]>(RowProblems);
        Assert.True(problems!.Length == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));

        await row.Locator("[data-testid=revoke-any-token-phone]").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root", new() { HasText = language == "en" ? "Revoke" : "吊销" }).Last.ClickAsync();
        await Expect(page.Locator("[data-testid=no-tokens]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Each card cell of a table: its label's lines (the ::before holding the data-label) and its text.</summary>
    private const string CardLabelLines = """
        table => [...table.querySelectorAll('tbody td[data-label]')].filter(td => td.getBoundingClientRect().width > 0).map(td => {
            const before = getComputedStyle(td, '::before');
            return { label: td.getAttribute('data-label'), lines: Math.round(parseFloat(before.height) / parseFloat(before.lineHeight)), text: td.textContent.trim() };
        })
        """;

    /// <summary>
    /// A settlement report's row errors on a phone in Chinese: the messages stood in English, and the long message squeezed
    /// the card's label to one character a line ("问" / "题").
    /// </summary>
    [Fact]
    public async Task A_phone_lists_a_settlement_reports_row_errors_in_Chinese_with_each_label_whole()
    {
        var acquirer = $"acq-{FleetOpsClient.Letters(8)}";
        await fixture.Api.CreateAcquirerStoreAsync(acquirer, "8983100" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = await fixture.Api.ImportSettlementReportAsync(acquirer, "phone.csv",
            "date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor\n"
            + $"{day},999999999999999,99999999,700000000061,A1B2C3,12800,CNY,622848******1234,sale,50\n");
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsAdministratorAsync(page);
        await page.OpenReadyAsync($"reconciliation/import?report={id}", live: true);
        var errors = page.Locator("[data-testid=report-errors]");
        await Expect(errors).ToContainTextAsync($"收单机构“{acquirer}”的商户号“999999999999999”和终端号“99999999”均无法识别");

        var cells = (await errors.EvaluateAsync(CardLabelLines))!.Value.EnumerateArray().ToList();
        Assert.NotEmpty(cells);
        var broken = cells.Where(c => c.GetProperty("lines").GetInt32() > 1)
            .Select(c => $"{c.GetProperty("label").GetString()} on {c.GetProperty("lines").GetInt32()} lines beside \"{c.GetProperty("text").GetString()}\"").ToList();
        Assert.True(broken.Count == 0, "At 390×844 in zh-CN:\n" + string.Join("\n", broken));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// An administrator's alerts on a phone: beside the row's buttons, a terminal alert's "DEMO-0158 · SZX-016" broke inside
    /// the store code ("SZX-" / "016"). Terminals of ids of several lengths, so that one of them puts a hyphen at the line's
    /// end; every terminal id and store code (each shorter than a line) must be drawn on one line.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_phone_shows_an_alert_s_terminal_and_store_code_each_whole(string language)
    {
        var api = fixture.Api;
        var alerts = new List<(string Terminal, string Store)>();
        foreach (var length in new[] { 3, 5, 7, 9, 11 })
        {
            // A store each: losses of several terminals of one store at once would be the store's outage, not theirs.
            var (store, terminal) = (await api.CreateStoreAsync(), $"T-{FleetOpsClient.Letters(length)}");
            var key = await api.RegisterTerminalAsync(terminal, store);
            for (var i = 0; i < 3; i++) await api.PowerEventAsync(terminal, key, "lost"); // unstable power
            alerts.Add((terminal, store));
        }

        var page = await fixture.NewPageAsync(locale: language);
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsAdministratorAsync(page);
        await page.OpenReadyAsync("alerts?kind=unstable_power", live: true);
        var problems = new List<string>();
        foreach (var (terminal, store) in alerts)
        {
            var row = page.Locator("[data-testid=alert-table] tbody tr", new() { HasText = terminal });
            await Expect(row).ToBeVisibleAsync(new() { Timeout = 3_000 + PageExtensions.LiveTimeoutMs });
            foreach (var id in new[] { terminal, store })
            {
                var lines = await row.Locator("td").First.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }).EvaluateAsync<int>(LinesOf);
                if (lines != 1) problems.Add($"{id} is drawn on {lines} lines");
            }
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"phone-alerts-{language}.png"), FullPage = true });
        Assert.True(problems.Count == 0, $"At 390×844 in {language}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
