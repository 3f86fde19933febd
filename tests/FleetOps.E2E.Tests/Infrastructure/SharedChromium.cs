using Microsoft.Playwright;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one Chromium for the whole run. Each class used to start both for itself — a node process and
/// a browser, a few seconds per class on a busy 2-core machine — while all a class needs of its own is a server and clean
/// browser contexts (<see cref="E2EFixture"/> closes the contexts it made when its class ends). The classes run one after
/// another (<see cref="E2ECollection"/>), so sharing the browser adds no load; it is closed when the test process exits.
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = E2EFixture.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            AppDomain.CurrentDomain.ProcessExit -= CloseAtExit;
            AppDomain.CurrentDomain.ProcessExit += CloseAtExit;
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    // xUnit 2 has no fixture for the whole assembly: the end of the process is the one moment after the last class.
    private static void CloseAtExit(object? sender, EventArgs e)
    {
        _browser?.CloseAsync().GetAwaiter().GetResult();
        _playwright?.Dispose();
    }
}
