using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 12's browser test, the power page's part (the alert badge is the alert centre's): power losses posted over HTTP
/// for one terminal make it appear as unstable, the device to blame, on the open power page without a reload.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PowerPageLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task Power_losses_posted_for_one_terminal_show_it_unstable_on_the_open_power_page()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);
        var neighbour = FleetOpsClient.NewId("T");
        await api.HeartbeatAsync(neighbour, await api.RegisterTerminalAsync(neighbour, store));
        await api.HeartbeatAsync(id, key);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"power?store={Uri.EscapeDataString(store)}");
        await Expect(page.Locator("[data-testid=power-no-unstable]")).ToBeVisibleAsync();
        await page.MarkDocumentAsync();

        foreach (var state in new[] { "lost", "brownout", "lost" }) await api.PowerEventAsync(id, key, state);

        var row = page.Locator($"[data-testid=unstable-{id}]");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(row).ToContainTextAsync("this device");
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }
}
