using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 11: every page, as each of the four roles, on a tablet (1024×768) and a phone (390×844). A page fails, naming
/// itself, the role and the size, when the page scrolls sideways, when a label, header, chip or button is cut short, or
/// when something a finger presses is smaller than 44 px; on a phone the terminals grid's filters fold behind a button
/// and open without breaking the page. Each page is photographed whole into
/// bin/Release/net10.0/screenshots/responsive/{size}/{role}-{page}.png (a CI artefact). One test per size, on one set of data
/// posted once (<see cref="SweepServer"/>): each walks the pages one after another as each role, so CI time stays small. A
/// new page is one more row in the test's list of pages.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ResponsiveSweepTests(ResponsiveSweepTests.SweepServer fixture) : IClassFixture<ResponsiveSweepTests.SweepServer>
{
    /// <summary>
    /// The app of the sweep, with what both sizes share: the data is posted once, and each role signs in once — the second
    /// size opens its pages with the cookies the first sign-in left (Playwright's storage state), as a returning person does.
    /// Signing in is not what the sweep looks at (other classes test it); doing it four times per size cost CI time for nothing.
    /// </summary>
    public sealed class SweepServer : E2EFixture
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, string> _signedIn = [];
        private SweepData? _data;

        /// <summary>The sweep's data, posted by the first test that asks.</summary>
        public async Task<SweepData> DataAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _data ??= await SeedAsync(this);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>A page of its own (own context) at <paramref name="width"/>×<paramref name="height"/>, signed in as <paramref name="user"/>.</summary>
        public async Task<IPage> SignedInPageAsync(E2EUser user, int width, int height)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_signedIn.TryGetValue(user.Email, out var state))
                {
                    var signIn = await NewPageAsync();
                    await signIn.SignInAsync(user);
                    state = await signIn.Context.StorageStateAsync();
                    await signIn.Context.CloseAsync();
                    _signedIn[user.Email] = state;
                }
                var context = await NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    StorageState = state,
                });
                return await context.NewPageAsync();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>What the sweep posted: the ids its page addresses name, and the four roles' people.</summary>
    public sealed record SweepData(string Store, string Terminal, string Sale, long Rollout, long WorkOrder, long Session,
        IReadOnlyList<(string Name, E2EUser User)> Roles);

    /// <summary>
    /// What is wrong on the page now: sideways scrolling of the page, text cut short inside its box (labels, headers,
    /// chips, buttons, cells), one-line fields grown tall, and visible buttons, links styled as buttons, selects' and
    /// switches' hit areas under 44 px.
    /// </summary>
    private const string Inspect = """
        () => {
            const problems = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > window.innerWidth + 1) problems.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
            const name = e => (e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
            for (const e of document.querySelectorAll('.mud-input-label, th, .mud-chip-content, .mud-button-label, .mud-nav-link-text, .mud-typography, td')) {
                if (!visible(e)) continue;
                if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') problems.push(`cut short: "${name(e)}"`);
                const r = e.getBoundingClientRect();
                if (r.right > window.innerWidth + 1) {
                    const scroller = e.parentElement.closest('*:is([style*="overflow"], .mud-table-container, .mud-drawer)');
                    problems.push(`beyond the right edge (${Math.round(r.left)}–${Math.round(r.right)} px${scroller ? ', inside ' + scroller.className.split(' ')[0] : ''}): "${name(e)}"`);
                }
            }
            // A one-line field's box (search, select; its helper text aside) taller than two lines is a layout fault: a search
            // box of 220 px pushed lists a screen down.
            for (const e of document.querySelectorAll('.mud-input-control .mud-input')) {
                if (!visible(e) || e.querySelector('textarea') || e.closest('.mud-popover, .mud-overlay')) continue;
                const r = e.getBoundingClientRect();
                if (r.height > 80) problems.push(`tall field ${Math.round(r.width)}×${Math.round(r.height)}: "${name(e)}"`);
            }
            for (const e of document.querySelectorAll('button, a.mud-button-root, .mud-select .mud-input-control, .mud-switch, .mud-checkbox')) {
                // A sortable header is pressed on its title, which fills the cell: its sort arrow is not the target.
                if (!visible(e) || e.closest('.mud-popover, .mud-overlay, th')) continue;
                const r = e.getBoundingClientRect();
                if (r.height < 43.5 || r.width < 43.5) problems.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: "${name(e)}"`);
            }
            return [...new Set(problems)];
        }
        """;

    public static string ScreenshotFolder(int width) => Path.Combine(AppContext.BaseDirectory, "screenshots", "responsive", width.ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(390, 844)]
    public async Task Every_page_fits_the_screen_for_every_role(int width, int height)
    {
        var (store, terminal, sale, rollout, workOrder, session, roles) = await fixture.DataAsync();
        (string Name, string Url, bool Live)[] pages =
        [
            ("home", "", true), ("overview", "overview", true), ("terminals", "terminals", true),
            ("terminal", $"terminals/{Uri.EscapeDataString(terminal)}", true), ("stores", "stores", true),
            ("store", $"stores/{Uri.EscapeDataString(store)}", true), ("emergency-plan", $"stores/{Uri.EscapeDataString(store)}/emergency-plan", true), ("unsettled", "transactions/unsettled", true), ("power", "power", true),
            ("case", $"transactions/{Uri.EscapeDataString(terminal)}/{Uri.EscapeDataString(sale)}", true), ("alerts", "alerts", true),
            ("software", "software", true),
            ("import", "terminals/import", true), ("users", "admin/users", true), ("audit", "admin/audit", true), ("webhooks", "admin/webhooks", true), ("all-tokens", "admin/tokens?status=all", true),
            ("settings", "admin/settings", true),
            ("rollouts", "software/rollouts", true), ("rollout", $"software/rollouts/{rollout}", true),
            ("calendar", "maintenance/calendar", true),
            ("maintenance", "maintenance", true), ("workorder", $"maintenance/workorders/{workOrder}", true),
            ("plans", "maintenance/plans", true), ("checklists", "maintenance/checklists", true), ("checklist", "maintenance/checklists/power_ups", true),
            ("kpis", "maintenance/kpis", true), ("success-rate", "success-rate", true), ("training", "training", true),
            ("training-store", $"stores/{Uri.EscapeDataString(store)}/training?left=1&session={session}", true),
            ("training-record", $"stores/{Uri.EscapeDataString(store)}/training/record", true),
            ("reconciliation", "reconciliation", true), ("recon-import", "reconciliation/import", true),
            ("recon-profiles", "reconciliation/profiles", true),
            ("tokens", "account/tokens", true), ("notifications", "account/notifications", true), ("password", "account/password", false),
        ];
        Directory.CreateDirectory(ScreenshotFolder(width));
        var problems = new List<string>();
        foreach (var (role, user) in roles)
        {
            var page = await fixture.SignedInPageAsync(user, width, height);
            foreach (var (name, url, live) in pages)
            {
                await page.OpenReadyAsync(url, live);
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(width), $"{role}-{name}.png"), FullPage = true });
                problems.AddRange((await InspectAsync(page)).Select(p => $"{role} /{url}: {p}"));
                if (name == "unsettled") await Expect(page.Locator("[data-testid=unsettled-pages]")).ToBeVisibleAsync();
                if (name == "terminals" && width < 600)
                {
                    // On a phone the grid's filters fold behind a button, and open in place without breaking the page.
                    await Expect(page.Locator("[data-testid=terminal-filters]")).ToBeHiddenAsync();
                    await page.Locator("[data-testid=terminal-filters-toggle]").ClickAsync();
                    await Expect(page.Locator("[data-testid=terminal-filters]")).ToBeVisibleAsync();
                    problems.AddRange((await InspectAsync(page)).Select(p => $"{role} /{url} (filters open): {p}"));
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, $"At {width}×{height}:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Posts what makes each page show its rows, chips and tables: a store with a worklist longer than a page, a lost sale,
    /// a store outage, a rollout, a webhook, a work order, an acquirer, a training roster and session; and the four roles.
    /// </summary>
    private static async Task<SweepData> SeedAsync(E2EFixture server)
    {
        var api = server.Api;
        var region = $"R-{FleetOpsClient.Letters(5)}";
        var store = await api.CreateStoreAsync(name: "Jing'an Temple Plaza", region: region);
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(terminal, store);
        await api.RegisterTerminalAsync(FleetOpsClient.NewId("T"), store); // never heard from
        await api.HeartbeatAsync(terminal, key);
        // A sale authorised an hour ago and never completed: the worklist has a row and there is a case page.
        var sale = FleetOpsClient.NewId("tx");
        await api.PostEventsAsync(terminal, key, Sale(sale, DateTimeOffset.UtcNow.AddHours(-1)));
        // Two more sales never completed: three operator-caused failures flag the store "training recommended" (a chip that
        // widened the training page's store column past a phone's edge).
        // More than a page of them (25): the worklist shows its page numbers, pressed with a finger on a phone.
        await api.PostEventsAsync(terminal, key, Enumerable.Range(0, 26)
            .Select(i => Sale(FleetOpsClient.NewId("tx"), DateTimeOffset.UtcNow.AddMinutes(-50 + i))).ToArray());
        // A sale its terminal reversed by itself after losing power mid-sale: the unsettled page's lost-sales table has a
        // row (time, terminal and amount side by side — wider than a phone until the terminal folded under the time).
        var lostOn = FleetOpsClient.NewId("T");
        var lostKey = await api.RegisterTerminalAsync(lostOn, store);
        var lostSale = FleetOpsClient.NewId("tx");
        await api.PostEventsAsync(lostOn, lostKey, Sale(lostSale, DateTimeOffset.UtcNow.AddHours(-1)));
        await api.PowerEventAsync(lostOn, lostKey, "lost");
        await api.PostEventsAsync(lostOn, lostKey, Sale(lostSale, DateTimeOffset.UtcNow, "reversed"));

        // A store-wide outage that interrupted a sale: the power page's outage table has a row with its payments.
        var outageStore = await api.CreateStoreAsync(name: "Xujiahui Metro Mall", region: region);
        var outageTerminals = new[] { FleetOpsClient.NewId("T"), FleetOpsClient.NewId("T") };
        var outageKeys = new List<string>();
        foreach (var id in outageTerminals) outageKeys.Add(await api.RegisterTerminalAsync(id, outageStore));
        await api.PostEventsAsync(outageTerminals[0], outageKeys[0], Sale(FleetOpsClient.NewId("tx"), DateTimeOffset.UtcNow.AddMinutes(-1)));
        for (var i = 0; i < outageTerminals.Length; i++) await api.PowerEventAsync(outageTerminals[i], outageKeys[i], "lost");

        // A rollout of a model of the sweep's own reaching the store: the rollouts page has a row, the rollout page a wave.
        var model = $"M-{FleetOpsClient.Letters(6)}";
        await api.RegisterTerminalAsync(FleetOpsClient.NewId("T"), store, model);
        var rollout = await api.StartRolloutAsync(model, store);

        // A WeCom robot nobody answers for (port 9, discard): the webhooks page has a long address and a log line with an error.
        await api.SubscribeWebhookAsync("http://127.0.0.1:9/cgi-bin/webhook/send?key=a-long-robot-key-for-the-sweep", "sweep-secret", "wecom");

        // A work order booked to the sweep's technician: the maintenance list has a row and every role may open its page.
        // A store with an acquirer, so the reconciliation pages show their acquirer choices and the profile editor.
        await api.CreateAcquirerStoreAsync($"sweep-{FleetOpsClient.Letters(6)}", "898310012345678");
        var technician = await server.CreateUserAsync(Roles.Technician, stores: [store]);
        var workOrder = await api.CreateWorkOrderAsync(store, terminal, technician.Email);

        // Training: a roster with a long role, one person who left, and a session: the training pages' tables have rows, the
        // store's page its "people who left" switch, the success rate a marker.
        var staff = new List<long>
        {
            await api.AddStaffAsync(store, "Ouyang Xiaoming", "Senior cashier and deputy shift supervisor"),
            await api.AddStaffAsync(store, "Wang Fang"),
        };
        await api.MarkStaffLeftAsync(store, await api.AddStaffAsync(store, "Li Na"));
        var programme = FleetOps.Core.Training.DefaultProgrammes.Find(FleetOps.Core.Training.DefaultProgrammes.PowerFailure)!;
        var session = await api.RecordTrainingSessionAsync(store, programme.Key, "Chen Jie", staff, programme.Items.Select(i => i.Key));

        var roles = new (string Name, E2EUser User)[]
        {
            ("administrator", E2EFixture.Administrator),
            ("region", await server.CreateUserAsync(Roles.RegionalManager, regions: [region])),
            ("store", await server.CreateUserAsync(Roles.StoreManager, stores: [store])),
            ("technician", technician),
        };
        return new SweepData(store, terminal, sale, rollout, workOrder, session, roles);
    }

    private static async Task<string[]> InspectAsync(IPage page) =>
        JsonSerializer.Deserialize<string[]>((await page.EvaluateAsync(Inspect))!.Value.GetRawText())!;

    private static JsonObject Sale(string transactionId, DateTimeOffset at, string stage = "authorized") => new()
    {
        ["id"] = $"e2e-sweep-{FleetOpsClient.Letters(12)}", ["type"] = "transaction",
        ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["transactionId"] = transactionId,
        ["stage"] = stage, ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234",
        ["authCode"] = "A1B2C3", ["rrn"] = "123456789012", ["batchNumber"] = "000123",
    };
}
