using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 13 in a real browser: an administrator sets a model's target on the software page and the outdated count of that
/// model changes on the open page without a reload.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SoftwareTargetLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task Setting_a_target_in_the_page_turns_the_models_terminals_outdated_live()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var model = "M" + FleetOpsClient.Letters(8).ToUpperInvariant();
        foreach (var terminal in new[] { FleetOpsClient.NewId("T"), FleetOpsClient.NewId("T") })
        {
            var key = await api.RegisterTerminalAsync(terminal, store, model);
            await api.HeartbeatAsync(terminal, key); // app 3.2.1, firmware 1.8.0
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"software?model={model}");
        await page.MarkDocumentAsync();
        var outdated = page.Locator("[data-testid=software-kpi-outdated] .kpi-value");
        await Expect(outdated).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-testid=software-kpi-unknown] .kpi-value")).ToHaveTextAsync("2");

        await page.Locator($"[data-testid=model-{model}] [data-testid=set-target]").ClickAsync();
        await page.Locator("input[data-testid=target-app]").FillAsync("3.3.0");
        await page.Locator("input[data-testid=target-firmware]").FillAsync("1.8.0");
        await page.Locator("[data-testid=target-save]").ClickAsync();

        await Expect(outdated).ToHaveTextAsync("2", new() { Timeout = 3_000 + PageExtensions.LiveTimeoutMs });
        await Expect(page.Locator($"[data-testid=model-{model}]")).ToContainTextAsync("3.3.0");
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }
}
