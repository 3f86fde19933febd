using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class TerminalDetailLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task A_power_event_appears_in_the_open_timeline_without_a_reload()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);
        await api.HeartbeatAsync(id, key);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"terminals/{Uri.EscapeDataString(id)}");
        await Expect(page.GetByText("No power or transaction events yet.")).ToBeVisibleAsync();
        await page.MarkDocumentAsync();

        await api.PowerEventAsync(id, key, "lost");

        var timeline = page.Locator("[data-testid=timeline]");
        await Expect(timeline).ToContainTextAsync("power · lost", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(page.GetByText("Losses in the window:")).ToContainTextAsync("1");
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_terminal_shows_the_not_found_panel()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("terminals/T-DOES-NOT-EXIST");

        await Expect(page.Locator("[data-testid=not-found]")).ToContainTextAsync("No such terminal here.");
        await page.Context.CloseAsync();
    }
}
