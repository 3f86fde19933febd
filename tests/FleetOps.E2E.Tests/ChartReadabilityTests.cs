using System.Text.Json;
using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 11: on a tablet and a phone the overview's charts fill their card's row and their tick labels are big enough
/// to read (they were ≈7 px: MudBlazor scales its 12-unit SVG text with the chart), and no label leaves its card.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ChartReadabilityTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    /// <summary>Per chart: the smallest tick text on screen (px), the chart's width against the page's widest card, and labels outside the card.</summary>
    private const string Measure = """
        () => [...document.querySelectorAll('.fo-chart')].map(chart => {
            const svg = chart.querySelector('svg');
            const scale = svg.getScreenCTM().a;
            const texts = [...chart.querySelectorAll('.mud-charts-xaxis text, .mud-charts-yaxis text')].filter(t => t.textContent.trim() !== '');
            const card = chart.closest('.mud-paper').getBoundingClientRect();
            const widest = Math.max(...[...document.querySelectorAll('.mud-paper')].map(p => p.getBoundingClientRect().width));
            return {
                id: chart.dataset.testid ?? chart.closest('[data-testid]')?.dataset.testid ?? '?',
                smallestPx: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
                rowShare: chart.closest('.mud-paper').getBoundingClientRect().width / widest,
                clipped: texts.filter(t => { const r = t.getBoundingClientRect(); return r.left < card.left || r.right > card.right; }).map(t => t.textContent),
            };
        })
        """;

    private sealed record ChartLook(string Id, double SmallestPx, double RowShare, string[] Clipped);

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1024, 768)]
    public async Task Chart_labels_are_readable_and_each_chart_fills_its_row(int width, int height)
    {
        var store = await fixture.Api.CreateStoreAsync(code: $"S-{FleetOpsClient.Letters(4)}"); // store codes are short, like "SH-012"
        var heard = FleetOpsClient.NewId("T");
        var key = await fixture.Api.RegisterTerminalAsync(heard, store);
        await fixture.Api.RegisterTerminalAsync(FleetOpsClient.NewId("T"), store); // never heard from: the connectivity chart has a bar
        await fixture.Api.HeartbeatAsync(heard, key);

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("overview");
        await Expect(page.Locator("[data-testid=connectivity-chart] .mud-charts-xaxis text").First).ToBeAttachedAsync();

        var looks = JsonSerializer.Deserialize<ChartLook[]>((await page.EvaluateAsync(Measure))!.Value.GetRawText(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Contains(looks, l => l.Id == "events-chart");
        Assert.Contains(looks, l => l.Id == "connectivity-chart");
        Assert.All(looks, l =>
        {
            Assert.True(l.SmallestPx >= 10, $"{l.Id}: tick text {l.SmallestPx:0.0} px at {width} px");
            Assert.True(l.RowShare > 0.95, $"{l.Id}: {l.RowShare:P0} of the row at {width} px");
            Assert.True(l.Clipped.Length == 0, $"{l.Id}: cut off at {width} px: {string.Join(", ", l.Clipped)}");
        });
        await page.Context.CloseAsync();
    }
}
