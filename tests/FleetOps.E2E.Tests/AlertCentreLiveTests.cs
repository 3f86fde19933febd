using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 12 in a real browser: a terminal's power losses posted over HTTP become an unstable-power alert that reaches
/// the open alerts page and the bell without a reload, and the store manager acknowledges it there with a note.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AlertCentreLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task Power_losses_become_an_alert_on_the_open_page_and_in_the_bell_and_are_acknowledged_in_the_page()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(terminal, store);
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(manager);
        await page.OpenLiveAsync("alerts");
        await page.MarkDocumentAsync();
        var bell = page.Locator("[data-testid=alert-badge]");
        await Expect(bell).ToHaveAttributeAsync("data-count", "0");

        // Three losses inside the window, of this terminal only: unstable power, the device's fault.
        for (var i = 0; i < 3; i++) await api.PowerEventAsync(terminal, key, "lost");

        var row = page.Locator($"[data-testid=alert-table] tbody tr[data-kind=unstable_power]");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 3_000 + PageExtensions.LiveTimeoutMs });
        await Expect(row).ToContainTextAsync(terminal);
        await Expect(bell).Not.ToHaveAttributeAsync("data-count", "0");
        await row.Locator("[data-testid=acknowledge]").ClickAsync();
        await page.Locator("textarea[data-testid=acknowledge-note]").FillAsync("Power strip replaced");
        await page.Locator("[data-testid=acknowledge-confirm]").ClickAsync();

        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(row).ToContainTextAsync("by ");
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }
}
