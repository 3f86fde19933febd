using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// The demo chain (20 terminals in 4 stores) with its start-up backlogs, written through the real event writer; its
/// simulator cannot reach a TestServer, but the backlogs do not need it. The clock is fake only so that the run date,
/// which names the backlogs' events, cannot change during a test.
/// </summary>
public static class DemoApp
{
    /// <param name="defaultCulture">The chain's language (<c>FleetOps:DefaultCulture</c>); English unless given.</param>
    public static FleetOpsApp Create(string? defaultCulture = null) => FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero)),
        Settings = new Dictionary<string, string?>
        {
            ["FleetOps:DefaultCulture"] = defaultCulture ?? "en", // English is what every other test app reads
            ["FleetOps:Demo:Enabled"] = "true",
            ["FleetOps:Demo:Terminals"] = "20",
            ["FleetOps:Demo:Stores"] = "4",
        },
    });

    /// <summary>The example case is opened after the last story of the sales backlog, the last one written: only then is everything in.</summary>
    public static Task<System.Text.Json.Nodes.JsonObject> WholeBacklogAsync(HttpClient admin) =>
        Eventually.MatchesAsync(() => admin.UnsettledAsync("?caseStatus=contact_acquirer"), p => p.Items().Count == 1, "the demo's example case");

    /// <summary>
    /// Everything the demo tells at start-up is in: its last step backdates one store's emergency plan by a year
    /// (DemoChain, DemoEmergencyPlans). The present's maintenance plan alone was not enough: the work raised from the
    /// power alerts is written after it, and a test counting work orders then read one more on its second look (a CI run).
    /// </summary>
    public static async Task StartUpToldAsync(FleetOpsApp app)
    {
        var databases = app.GetService<FleetOps.Web.Persistence.FleetDbContextFactory>();
        var halfAYearAgo = app.Clock!.GetUtcNow().AddMonths(-6).ToUnixTimeMilliseconds();
        await Eventually.MatchesAsync(async () =>
        {
            await using var db = databases.CreateDbContext();
            return await db.EmergencyPlans.CountAsync(p => p.ReviewedAtMs < halfAYearAgo);
        }, backdated => backdated == 1, "the demo's last start-up story (a plan kept last year)", TimeSpan.FromSeconds(60));
    }
}
