using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 11: when the server goes away (here: stopped, as SIGTERM would) an open page says so at once — the live chip turns
/// amber and FleetOps' own overlay replaces Blazor's stock one. The fixture is this class's own: it stops its server.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ConnectionLostTests(ConnectionLostTests.OwnServer fixture) : IClassFixture<ConnectionLostTests.OwnServer>
{
    /// <summary>A server only this class uses, because the test stops it; its graceful stop waits 2 s for open circuits, not 30.</summary>
    public sealed class OwnServer() : E2EFixture(new E2EApp(new Dictionary<string, string> { ["shutdownTimeoutSeconds"] = "2" }));

    [Fact]
    public async Task An_open_page_shows_reconnecting_in_amber_and_the_FleetOps_overlay_when_the_server_stops()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("terminals");
        var chip = page.Locator("[data-testid=live-indicator]");
        await Expect(chip).ToHaveTextAsync("Live", new() { UseInnerText = true });

        // Stopped for good (a stop that lets the host keep listening would see Blazor reconnect, and the chip go green again).
        await fixture.App.DisposeAsync();

        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "retrying", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(chip).ToHaveTextAsync("Reconnecting…", new() { UseInnerText = true });
        await Expect(chip).ToHaveCSSAsync("background-color", "rgb(245, 158, 11)"); // amber, after the chip's colour transition
        var overlay = page.Locator("[data-testid=reconnect-overlay]");
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(overlay).ToContainTextAsync("Connection to FleetOps lost");
        await Expect(page.Locator("#components-reconnect-modal .fo-reconnect-part-retrying")).ToBeVisibleAsync();
    }
}
