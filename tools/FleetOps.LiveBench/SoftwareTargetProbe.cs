using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace FleetOps.LiveBench;

/// <summary>
/// Setting a target for a big model (issue 13: every status and the page updated within 1 s with 100,000 terminals): an
/// administrator's browser shows the software page for the model; the target is raised over the API N times, alternating
/// between two versions the fleet is behind, so every round turns every terminal's status; each round measures the API
/// answer (all statuses re-judged by then: the PUT returns after the fleet took the target) and the moment the page's
/// outdated count shows the model's whole fleet. Bounded: N rounds of at most 10 s each.
/// </summary>
public static class SoftwareTargetProbe
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var url = new Uri(args.Text("url").TrimEnd('/') + "/");
        var model = args.Text("model");
        var terminals = args.Int("terminals", 100_000, 1, 10_000_000);
        var rounds = args.Int("rounds", 10, 1, 200);
        using var api = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args.Text("api-token"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright, args);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url.ToString() })).NewPageAsync();
        await Browser.SignInAsync(page, args.Text("email"), args.Text("password"));
        await page.GotoAsync($"software?model={Uri.EscapeDataString(model)}");
        var outdated = page.Locator("[data-testid=software-kpi-outdated] .kpi-value");
        await outdated.WaitForAsync(new() { Timeout = 30_000 });

        var answers = new List<double>(rounds);
        var pages = new List<double>(rounds);
        var expected = terminals.ToString("N0", CultureInfo.InvariantCulture);
        for (var i = 0; i < rounds; i++)
        {
            // Back to a target everyone meets (the page shows 0 outdated), then the measured raise.
            await SetAsync(api, model, "1.0.0");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=software-kpi-outdated] .kpi-value')?.textContent.trim() === '0'",
                null, new() { Timeout = 10_000 });
            var started = Stopwatch.GetTimestamp();
            var put = SetAsync(api, model, string.Create(CultureInfo.InvariantCulture, $"99.{i}.0"));
            await put;
            answers.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await page.WaitForFunctionAsync("n => document.querySelector('[data-testid=software-kpi-outdated] .kpi-value')?.textContent.trim() !== '0'",
                null, new() { Timeout = 10_000 });
            pages.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Console.WriteLine($"  round {i + 1}: answer {answers[^1]:F0} ms, page {pages[^1]:F0} ms, outdated shown: {await outdated.TextContentAsync()} (expected {expected})");
        }
        Console.WriteLine($"RESULT target_api_answer {Percentiles.Describe(answers)}");
        Console.WriteLine($"RESULT target_page_updated {Percentiles.Describe(pages)}");
        return 0;
    }

    private static async Task SetAsync(HttpClient api, string model, string appVersion)
    {
        using var response = await api.PutAsJsonAsync($"api/v1/software/targets/{Uri.EscapeDataString(model)}",
            new { appVersion, firmwareVersion = "1.0.0", minimumAppVersion = (string?)null });
        response.EnsureSuccessStatusCode();
    }
}
