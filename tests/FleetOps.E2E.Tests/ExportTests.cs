using System.Net;
using System.Text.RegularExpressions;
using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class ExportTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task The_csv_link_downloads_the_filtered_terminals()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var id = FleetOpsClient.NewId("T");
        var other = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(id, store);
        await api.RegisterTerminalAsync(other, store);
        await api.HeartbeatAsync(id, key);

        // The viewer is in São Paulo, the store in Shanghai: the link tells the server the viewer's zone.
        var page = await fixture.NewPageAsync(timeZone: "America/Sao_Paulo");
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"terminals?search={Uri.EscapeDataString(id)}");
        await Expect(page.Locator($"[data-testid=connectivity-{id}]")).ToBeVisibleAsync();
        var link = page.Locator("[data-testid=export-csv]");
        await Expect(link).ToHaveAttributeAsync("href", $"export/terminals.csv?search={Uri.EscapeDataString(id)}&tz=America%2FSao_Paulo");

        // The link as the browser resolves it, fetched with the page's own request context.
        var url = await link.EvaluateAsync<string>("a => a.href");
        var response = await page.APIRequest.GetAsync(url);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        Assert.Contains("attachment", response.Headers["content-disposition"]);
        Assert.Contains(".csv", response.Headers["content-disposition"]);

        var lines = (await response.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The test app reads English (E2EApp): readable headers, the same columns in every language.
        Assert.Equal("Terminal ID,Store code,Store name,Model,Serial number,Connection,Last seen (UTC),App version,Firmware version,Power source,Battery (%),Power,Power losses in window,Likely cause,Software,Last seen (store time),Behind target since (UTC),Target app version", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        var cells = row.Split(',');
        Assert.Equal(id, cells[0]);
        Assert.Equal(store, cells[1]);
        Assert.Equal("A920", cells[3]);
        Assert.Equal("3.2.1", cells[7]);
        Assert.EndsWith(" +08:00", cells[15]); // on the store's clock, not the viewer's
        Assert.DoesNotContain(other, row);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_worklist_csv_link_tells_the_server_the_viewers_zone()
    {
        var page = await fixture.NewPageAsync(timeZone: "Asia/Tokyo");
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("transactions/unsettled");

        // The file is then named by the viewer's clock (docs/api.md §2, tz).
        await Expect(page.Locator("[data-testid=unsettled-csv]")).ToHaveAttributeAsync("href", new Regex("^api/v1/transactions/unsettled\\.csv\\?.*&tz=Asia%2FTokyo$"));
        await page.Context.CloseAsync();
    }
}
