using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 10, in a real browser and circuit: choosing 简体中文 in the user menu turns the open page Chinese without a
/// reload — same document, same circuit, the typed search kept — later live changes arrive in Chinese too, and the
/// next page load stays Chinese.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LanguageSwitchTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task Choosing_Chinese_keeps_the_page_and_its_circuit_and_sticks()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("terminals");
        await page.Locator("input[data-testid=terminal-search]").FillAsync(id);
        var chip = page.Locator($"[data-testid=connectivity-{id}]");
        await Expect(chip).ToHaveTextAsync("unknown");
        await page.MarkDocumentAsync();

        await page.Locator("[data-testid=user-menu-button]").ClickAsync();
        await page.Locator("[data-testid=language-zh-CN]").ClickAsync();

        await Expect(page.Locator("h4")).ToHaveTextAsync("终端");
        await Expect(chip).ToHaveTextAsync("未知");
        await Expect(page.Locator("input[data-testid=terminal-search]")).ToHaveValueAsync(id);
        await Expect(page.Locator("[data-testid=live-indicator]")).ToHaveTextAsync("实时", new() { UseInnerText = true });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.AssertNotReloadedAsync();

        // A change pushed to the page later (not a click) renders in the chosen language as well.
        await api.HeartbeatAsync(id, key);
        await Expect(chip).ToHaveTextAsync("在线", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await page.AssertNotReloadedAsync();

        // The next HTTP request follows the saved choice.
        await page.OpenLiveAsync("stores");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h4")).ToHaveTextAsync("门店");
        await page.Context.CloseAsync();
    }
}
