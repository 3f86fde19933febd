using Microsoft.Playwright;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>All end-to-end classes run one after another: each starts its own app and browser, and two at once would starve a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection
{
    public const string Name = "E2E";
}

/// <summary>
/// One app and one browser per test class. The browser is Debian's Chromium (no browser download is possible
/// here); when it is missing, every test fails with a message that says how to install it, instead of skipping.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public E2EApp App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public FleetOpsClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is required for the end-to-end tests but {ChromiumPath} does not exist. Install it with: apt-get update && apt-get install -y chromium");
        }
        App.Start();
        Api = new FleetOpsClient(App.BaseAddress);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (own context: no shared cookies or storage between tests).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        await App.DisposeAsync();
    }
}
