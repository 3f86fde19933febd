using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Core.Fleet;
using FleetOps.Web.Demo;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// A fresh demo has months of maintenance behind it (<see cref="DemoMaintenanceHistory"/>): the KPIs of the last 30 and 90
/// days show planned and done visits — on time, late and still overdue — across stores and technicians, not an empty page.
/// </summary>
public sealed class DemoMaintenanceHistoryTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = DemoApp.Create();

    private static async Task<JsonObject> KpisAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/maintenance/kpis{query}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    private static int Figure(JsonObject kpis, string name) => kpis["totals"]![name]!.GetValue<int>();

    [Fact]
    public async Task The_last_month_and_quarter_show_visits_done_on_time_late_and_overdue_across_stores_and_technicians()
    {
        using var admin = _app.CreateAdminClient();
        await DemoApp.StartUpToldAsync(_app);
        var now = _app.Clock!.GetUtcNow();

        var month = await KpisAsync(admin, ""); // the page's default: the last 30 days
        var quarter = await KpisAsync(admin, $"?from={now.AddDays(-90).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");

        Assert.True(Figure(month, "planned") > 0 && Figure(month, "done") > 0, $"last 30 days: {month["totals"]}");
        Assert.True(Figure(quarter, "planned") > Figure(month, "planned"), $"last 90 days: {quarter["totals"]}");
        Assert.True(Figure(quarter, "doneOnTime") > 0, "some visits were done on time");
        Assert.True(Figure(quarter, "done") > Figure(quarter, "doneOnTime"), "some visits were done late");
        Assert.True(Figure(quarter, "overdueNow") > 0, "some visits are still overdue");
        Assert.InRange(quarter["totals"]!["onTimePercent"]!.GetValue<double>(), 1, 99);
        var technicians = quarter["technicians"]!.AsArray().Select(t => Expect.Wire(t!["displayName"])).ToList();
        Assert.Contains("Tia Tech", technicians);
        Assert.Contains("Zhang Wei", technicians);
        Assert.True(quarter["regions"]!.AsArray().Count >= 2, "more than one region's stores");
    }

    [Fact]
    public async Task Telling_the_history_again_as_a_restart_does_adds_no_plan_and_no_visit()
    {
        await DemoApp.StartUpToldAsync(_app);
        var book = _app.GetService<MaintenanceBook>();
        var (plans, orders) = (book.Plans.Count, book.All.Count);

        await new DemoMaintenanceHistory(_app.Services, book, _app.GetService<StoreDirectory>(), new DemoPeople(_app.GetService<UserDirectory>()),
            _app.Clock!, inChinese: false, NullLogger.Instance).TellAsync(CancellationToken.None);

        Assert.Equal((plans, orders), (book.Plans.Count, book.All.Count));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
