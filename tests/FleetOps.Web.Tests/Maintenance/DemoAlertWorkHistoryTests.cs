using System.Net;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Alerts;
using FleetOps.Web.Demo;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// A fresh demo's KPIs show how long alert work took (<see cref="DemoAlertWorkHistory"/>): before, its only work raised
/// from alerts was today's, still open, and "alert → done" read "—" on every start.
/// </summary>
public sealed class DemoAlertWorkHistoryTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = DemoApp.Create();

    private List<WorkOrder> DoneAlertWork() =>
        _app.GetService<MaintenanceBook>().All.Where(o => o.AlertId is not null && o.State == WorkOrderState.Done).ToList();

    [Fact]
    public async Task Alert_to_done_has_a_figure_from_work_raised_from_an_alert_and_done_in_the_last_month()
    {
        using var admin = _app.CreateAdminClient();
        await DemoApp.StartUpToldAsync(_app);

        using var response = await admin.GetAsync("/api/v1/maintenance/kpis"); // the page's default: the last 30 days
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var totals = (await Expect.JsonObjectAsync(response))["totals"]!;

        Assert.Equal(2, totals["alertToDone"]!.GetValue<int>());
        // The next day's visit: a day or so after the alert, not the seconds a story told at start-up would take.
        Assert.InRange(totals["meanAlertToDoneMinutes"]!.GetValue<double>(), 12 * 60, 36 * 60);
        var done = DoneAlertWork();
        Assert.Equal(2, done.Count);
        var alerts = _app.GetService<AlertBook>();
        var service = _app.GetService<MaintenanceService>();
        foreach (var order in done)
        {
            var alert = await service.FindAlertAsync(order.AlertId!.Value);
            Assert.NotNull(alert);
            Assert.Equal((AlertKind.UnstablePower, AlertState.Resolved), (alert.Kind, alert.State));
            Assert.True(alert.OpenedAt < order.CreatedAt && order.CreatedAt < order.ClosedAt, $"alert {alert.Id} opened before its work was raised and done");
            Assert.True(order.Assignee is not null && order.SignedBy is not null, $"work order {order.Id} booked and signed off");
        }
        // Zhang Wei's is in the East, so the region's manager sees a figure too.
        Assert.Contains(done, o => _app.GetService<StoreDirectory>().Get(o.StoreCode)?.Region == "East");
        Assert.DoesNotContain(alerts.Active, a => done.Any(o => o.TerminalId == a.TerminalId && a.Kind == AlertKind.UnstablePower));
    }

    [Fact]
    public async Task Telling_it_again_as_a_restart_does_adds_no_alert_and_no_work()
    {
        await DemoApp.StartUpToldAsync(_app);
        var book = _app.GetService<MaintenanceBook>();
        var alerts = _app.GetService<AlertBook>();
        var (orders, latest) = (book.All.Count, alerts.Latest.Count);

        await new DemoAlertWorkHistory(_app.Services, book, alerts, _app.GetService<FleetState>(), _app.GetService<StoreDirectory>(),
            new DemoPeople(_app.GetService<UserDirectory>()), _app.Clock!, inChinese: false, NullLogger.Instance).TellAsync(CancellationToken.None);

        Assert.Equal((orders, latest), (book.All.Count, alerts.Latest.Count));
        Assert.Equal(2, DoneAlertWork().Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
