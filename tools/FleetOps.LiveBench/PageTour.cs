using Microsoft.Playwright;

namespace FleetOps.LiveBench;

/// <summary>
/// Looks at the pages as a user does: signs in as one account, in one language and at one window size, opens each page
/// in turn, saves a screenshot of it and says what a person would notice at once — a page wider than the window (the
/// phone test of every page: 390×844, and 1024×768 for a tablet), an error in the browser's console, a page that did
/// not come up. Meant to be read with the pictures; the exit code is 1 when any page had such a finding. Bounded: each
/// page gets 20 s.
/// </summary>
public static class PageTour
{
    /// <summary>The pages that need no key in their address, in the order of the menu.</summary>
    private static readonly string[] EveryPage =
    [
        "/", "/overview", "/terminals", "/stores", "/power", "/alerts", "/software", "/software/rollouts",
        "/transactions/unsettled", "/success-rate", "/reconciliation", "/reconciliation/profiles", "/maintenance",
        "/maintenance/calendar", "/maintenance/plans", "/maintenance/checklists", "/maintenance/kpis", "/training",
        "/terminals/import", "/admin/users", "/admin/settings", "/admin/webhooks", "/admin/audit", "/account/tokens",
        "/account/notifications",
    ];

    // Elements reaching past the window's right edge, outside the parts meant to scroll sideways (tables, charts).
    private const string Overflow =
        """
        () => [...document.querySelectorAll('body *')]
          .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
          .filter(e => !e.closest('.mud-table-container, .mud-chart, .fo-chart, .mud-tabs-tabbar-wrapper'))
          .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')}`)
        """;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var url = new Uri(args.Text("url").TrimEnd('/') + "/");
        var output = Directory.CreateDirectory(args.Text("out")).FullName;
        var (width, height) = (args.Int("width", 390, 320, 3840), args.Int("height", 844, 480, 2160));
        var language = args.Text("language", "en");
        var pages = args.Text("pages", string.Join(",", EveryPage)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var fullPage = args.Text("full", "false") == "true";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright, args);
        await using var context = await browser.NewContextAsync(new() { BaseURL = url.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await Browser.SignInAsync(page, args.Text("email"), args.Text("password"));
        if (language == "zh")
        {
            await page.Locator("[data-testid=user-menu-button]").ClickAsync();
            await page.Locator("[data-testid=language-zh-CN]").ClickAsync();
            await page.Locator("html[lang=zh-CN]").WaitForAsync();
        }

        var findings = 0;
        foreach (var path in pages)
        {
            errors.Clear();
            var name = $"{language}-{width}x{height}{(path == "/" ? "-home" : path.Replace('/', '-'))}.png";
            string[] wide;
            try
            {
                await page.GotoAsync(path.TrimStart('/'), new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 20_000 });
                await page.Locator("[data-testid=live-indicator][data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                wide = await page.EvaluateAsync<string[]>(Overflow);
                await page.ScreenshotAsync(new() { Path = Path.Combine(output, name), FullPage = fullPage });
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                errors.Add($"did not come up: {e.Message.Split('\n')[0]}");
                wide = [];
            }
            var found = wide.Length > 0 || errors.Count > 0;
            if (found) findings++;
            Console.WriteLine($"{(found ? "CHECK" : "ok   ")} {path,-28} {name}"
                + (wide.Length > 0 ? $"  wider than the window: {string.Join(", ", wide)}" : "")
                + (errors.Count > 0 ? $"  console: {string.Join(" | ", errors.Take(2))}" : ""));
        }
        Console.WriteLine($"RESULT pages={pages.Length} with_findings={findings} screenshots={output}");
        return findings == 0 ? 0 : 1;
    }
}
