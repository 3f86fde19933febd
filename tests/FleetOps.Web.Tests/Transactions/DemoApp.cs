using FleetOps.Web.Tests.Infrastructure;
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

    /// <summary>The present's plan is made after the maintenance past (DemoChain): once it is there, the past is told.</summary>
    public static async Task MaintenanceToldAsync(FleetOpsApp app)
    {
        var book = app.GetService<FleetOps.Web.Maintenance.MaintenanceBook>();
        await Eventually.MatchesAsync(() => Task.FromResult(book.Plans.Any(p => p.Name == "Monthly terminal inspection")), told => told,
            "the demo's maintenance stories", TimeSpan.FromSeconds(60));
    }
}
