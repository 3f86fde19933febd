using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>Generation is idempotent across a restart: the restarted node finds the work orders made before and makes none twice.</summary>
public sealed class PlanRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_restarted_app_generates_no_work_order_twice_and_keeps_their_checklist_versions()
    {
        long planId;
        int before;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            var store = await first.CreateStoreAsync(Ids.New("S"), "Europe/London");
            using var admin = first.CreateAdminClient();
            using var created = await admin.PostAsJsonAsync("/api/v1/maintenance/plans", new
            {
                name = "Fortnightly cleaning", storeCode = store, checklist = "printer_reader_cleaning", every = new { count = 2, unit = "week" },
                basis = "schedule", startsOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), kind = "inspection", priority = "low",
            });
            await Expect.StatusAsync(created, HttpStatusCode.Created);
            planId = (await Expect.JsonObjectAsync(created)).Id();
            before = first.GetService<MaintenanceBook>().OfPlan(planId).Count;
        }
        Assert.InRange(before, 2, 3);

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var book = _second.GetService<MaintenanceBook>();
        Assert.Equal(0, await _second.GetService<PlanService>().GenerateAsync());

        Assert.Equal(before, book.OfPlan(planId).Count);
        Assert.All(book.OfPlan(planId), o => Assert.Equal(1, o.ChecklistVersion));
        Assert.Equal(DefaultChecklistCount, book.Templates.Count); // seeded once, not again
    }

    private static readonly int DefaultChecklistCount = FleetOps.Core.Maintenance.DefaultChecklists.All.Count;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
