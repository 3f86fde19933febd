using System.Text.Json;
using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 11: on a tablet and a phone the overview's charts fill their card's row and their tick labels are big enough
/// to read (they were ≈7 px: MudBlazor scales its 12-unit SVG text with the chart), and no label leaves its card. The
/// drawing itself spans most of the chart's width (at a fixed 260 px height a tablet's was drawn across about half).
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
                drawnShare: scale * svg.viewBox.baseVal.width / svg.getBoundingClientRect().width,
                clipped: texts.filter(t => { const r = t.getBoundingClientRect(); return r.left < card.left || r.right > card.right; }).map(t => t.textContent),
            };
        })
        """;

    private sealed record ChartLook(string Id, double SmallestPx, double RowShare, double DrawnShare, string[] Clipped);

    /// <summary>Per chart: its x-axis labels shown, and those that start less than 4 px (a space) after the one before.</summary>
    private const string Collisions = """
        () => [...document.querySelectorAll('.fo-chart')].map(chart => {
            const labels = [...chart.querySelectorAll('.mud-charts-xaxis text')].filter(t => t.textContent.trim() !== '')
                .map(t => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() })).sort((a, b) => a.box.left - b.box.left);
            return {
                id: chart.dataset.testid ?? chart.closest('[data-testid]')?.dataset.testid ?? '?',
                labels: labels.length,
                collisions: labels.slice(1).filter((l, i) => l.box.left < labels[i].box.right + 4).map(l => l.text),
            };
        })
        """;

    private sealed record AxisLook(string Id, int Labels, string[] Collisions);

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
            Assert.True(l.DrawnShare > 0.75, $"{l.Id}: drawn across {l.DrawnShare:P0} of its width at {width} px");
            Assert.True(l.Clipped.Length == 0, $"{l.Id}: cut off at {width} px: {string.Join(", ", l.Clipped)}");
        });
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The phone audit: the training chart's twelve month labels ran into each other at 390 px. The charts with a time axis
    /// (days, minutes, months, hours), in English and Chinese: each x-axis label stands clear of its neighbours.
    /// </summary>
    [Theory]
    [InlineData(390, 844, "en")]
    [InlineData(390, 844, "zh-CN")]
    [InlineData(1024, 768, "en")]
    public async Task No_two_x_axis_labels_run_into_each_other(int width, int height, string locale)
    {
        var store = await fixture.Api.CreateStoreAsync(code: $"S-{FleetOpsClient.Letters(4)}");
        var heard = FleetOpsClient.NewId("T");
        var key = await fixture.Api.RegisterTerminalAsync(heard, store);
        await fixture.Api.HeartbeatAsync(heard, key);
        await fixture.Api.PowerEventAsync(heard, key, "lost"); // the power page's charts have a loss to draw
        await fixture.Api.AddStaffAsync(store, "Chen Jing"); // the training chart has staff to chart (with none it says so instead)

        var page = await fixture.NewPageAsync(locale);
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(E2EFixture.Administrator);
        var problems = new List<string>();
        // The money-at-risk days and events per minute (overview), the months (training), the days and hours of losses (power).
        foreach (var (url, chart) in new[] { ("overview", "events-chart"), ("training", "training-compliance-chart"), ("power", "power-per-day") })
        {
            await page.OpenReadyAsync(url, live: true);
            await Expect(page.Locator($"[data-testid={chart}] .mud-charts-xaxis text").First).ToBeAttachedAsync();
            var looks = JsonSerializer.Deserialize<AxisLook[]>((await page.EvaluateAsync(Collisions))!.Value.GetRawText(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Contains(looks, l => l.Id == chart && l.Labels > 1);
            problems.AddRange(looks.Where(l => l.Collisions.Length > 0).Select(l => $"/{url} {l.Id}: {string.Join(", ", l.Collisions)} run into the label before"));
        }
        Assert.True(problems.Count == 0, $"At {width}×{height} ({locale}):\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
