using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class OverviewLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task The_online_count_goes_up_when_a_terminal_sends_its_first_heartbeat()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);

        // This class's app has only this terminal: never heard from, so nothing is online yet.
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("");
        var online = page.Locator("[data-testid=kpi-online] .kpi-value");
        await Expect(online).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid=kpi-unknown] .kpi-value")).ToHaveTextAsync("1");
        await page.MarkDocumentAsync();

        await api.HeartbeatAsync(id, key);

        await Expect(online).ToHaveTextAsync("1", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }
}
