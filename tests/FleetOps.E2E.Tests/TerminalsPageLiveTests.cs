using FleetOps.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class TerminalsPageLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    public const string ScreenshotPath = E2EApp.Folder + "/terminals.png";

    /// <summary>
    /// The required test: a terminal that went offline shows offline in the grid, and turns online in the
    /// open page, without a reload, as soon as its next heartbeat arrives.
    /// </summary>
    [Fact]
    public async Task An_offline_terminal_turns_online_in_the_open_grid_when_a_heartbeat_arrives()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);
        await api.HeartbeatAsync(id, key);
        // Offline needs OfflineAfterSeconds of silence; allow 3 s beyond that for the sweep and the request.
        await api.WaitForConnectivityAsync(id, "offline", TimeSpan.FromSeconds(E2EApp.OfflineAfterSeconds + 3));

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"terminals?search={Uri.EscapeDataString(id)}");
        var chip = page.Locator($"[data-testid=connectivity-{id}]");
        await Expect(chip).ToHaveAttributeAsync("data-connectivity", "offline");
        await page.MarkDocumentAsync();
        var url = page.Url;

        await api.HeartbeatAsync(id, key);

        await Expect(chip).ToHaveAttributeAsync("data-connectivity", "online", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await page.AssertNotReloadedAsync();
        Assert.Equal(url, page.Url);
        await Expect(page.Locator("[data-testid=terminal-grid]")).ToContainTextAsync(store);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_loads_its_styles_and_scripts()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}");
        };

        await page.OpenLiveAsync("terminals");

        Assert.Empty(failed);
        // MudBlazor's stylesheet applied: the app bar is fixed and coloured by the theme, not a plain block.
        var appBar = page.Locator(".mud-appbar");
        Assert.Equal("fixed", await appBar.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.Equal("rgb(22, 50, 79)", await appBar.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        // MudBlazor's script ran (its interop objects exist).
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.mudElementRef === 'object' && typeof window.mudKeyInterceptor === 'object'"),
            "MudBlazor.min.js did not load: its interop objects are missing.");
        // The site's own stylesheet (from the repository-level wwwroot) loaded with rules in it.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => (s.href ?? '').endsWith('/css/app.css') && s.cssRules.length > 0)"),
            "css/app.css did not load.");
        await Expect(page.Locator("[data-testid=terminal-grid]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
