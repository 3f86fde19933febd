using FleetOps.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 15 item 7: a store's emergency plan prints for the back office — on paper there is no navigation, app bar or
/// button, the hotline is there, and the browser makes a real PDF of it.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class EmergencyPlanPrintTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task The_plan_prints_without_navigation_with_the_hotline_and_makes_a_pdf()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        await api.SaveEmergencyPlanAsync(store, new
        {
            hotline = new { name = "UnionPay Merchant Services", phone = "95516" },
            electrician = new { name = "Mr Wang", phone = "021-6888-0000" },
            upsLocation = "Under the checkout",
        });

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"stores/{Uri.EscapeDataString(store)}/emergency-plan");
        var hotline = page.Locator("[data-testid=plan-hotline]");
        await Expect(hotline).ToContainTextAsync("95516");
        await Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=plan-print]")).ToBeHiddenAsync();
        await Expect(hotline).ToBeVisibleAsync();
        Assert.Equal("rgb(0, 0, 0)", await hotline.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Expect(page.Locator("[data-testid=plan-procedure-power_fails_mid_payment] li").First).ToBeVisibleAsync();

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"The PDF is only {pdf.Length} bytes.");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await page.Context.CloseAsync();
    }
}
