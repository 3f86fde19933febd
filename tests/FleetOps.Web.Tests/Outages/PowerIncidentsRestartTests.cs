using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Outages;

/// <summary>Incidents are derived, not stored: a second app on the same database finds the same ones (see UnsettledRestartTests).</summary>
public sealed class PowerIncidentsRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_restart_finds_the_same_incidents_from_the_stored_events()
    {
        var clock = new FakeTimeProvider(UnsettledClockApp.WholeSecond(DateTimeOffset.UtcNow));
        var t = clock.GetUtcNow();
        string store;
        string before;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock, Settings = UnsettledClockApp.ProductionDetection,
        }))
        {
            store = (await PowerIncidentList.StoreOutageAsync(first, t))[0].Store;
            before = (await first.IncidentsInAsync(store)).ToJsonString();
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, Clock = new FakeTimeProvider(t.AddSeconds(5)), Settings = UnsettledClockApp.ProductionDetection,
        });
        var after = (await _second.IncidentsInAsync(store)).ToJsonString();

        Assert.Contains("\"total\":1", before);
        Assert.Equal(before, after);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
