using System.Globalization;
using Microsoft.Playwright;

namespace FleetOps.LiveBench;

/// <summary>
/// The browser's own work on a page (Chromium's Performance.getMetrics over the DevTools protocol: time in scripts, layout
/// and style, and all its main-thread tasks), so that a visit's time can be split between server and browser when both
/// share the bench machine's cores.
/// </summary>
public sealed record BrowserWork(double TaskSeconds, double ScriptSeconds, double LayoutSeconds, double StyleSeconds)
{
    /// <summary>A session that counts from now: Chromium keeps the figures per session, from its Performance.enable.</summary>
    public static async Task<ICDPSession> CountAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Performance.enable");
        return session;
    }

    public static async Task<BrowserWork> ReadAsync(ICDPSession session)
    {
        var reply = await session.SendAsync("Performance.getMetrics");
        var metrics = new Dictionary<string, double>();
        if (reply is { } json)
        {
            foreach (var metric in json.GetProperty("metrics").EnumerateArray())
                metrics[metric.GetProperty("name").GetString()!] = metric.GetProperty("value").GetDouble();
        }
        double Get(string name) => metrics.GetValueOrDefault(name);
        return new BrowserWork(Get("TaskDuration"), Get("ScriptDuration"), Get("LayoutDuration"), Get("RecalcStyleDuration"));
    }

    /// <summary>What the browser's main thread spent per visit since <paramref name="before"/>.</summary>
    public string PerVisitSince(BrowserWork before, int visits)
    {
        string Ms(double seconds) => (seconds * 1000 / visits).ToString("F1", CultureInfo.InvariantCulture);
        return $"browser main thread per visit: tasks {Ms(TaskSeconds - before.TaskSeconds)} ms (scripts {Ms(ScriptSeconds - before.ScriptSeconds)}, " +
            $"layout {Ms(LayoutSeconds - before.LayoutSeconds)}, style {Ms(StyleSeconds - before.StyleSeconds)})";
    }
}
