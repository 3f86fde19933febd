using Microsoft.Playwright;

namespace FleetOps.LiveBench;

/// <summary>Debian's Chromium, headless and quiet (no background traffic to skew a timing), and the sign-in form.</summary>
public static class Browser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, BenchArguments args) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = args.Text("chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("account/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=live-indicator][data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
    }
}
