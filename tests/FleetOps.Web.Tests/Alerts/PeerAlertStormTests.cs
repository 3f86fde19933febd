using FleetOps.Core.Alerts;
using FleetOps.Web.Alerts;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// An alert storm on another node reaches this node's alert book as one change naming every alert. More ids than either
/// database accepts as separate statement parameters (SQLite 32,766, PostgreSQL 65,535) must still be read in one go:
/// a change that fails is retried for ever and the node's alert centre stays behind.
/// </summary>
public sealed class PeerAlertStormTests : IAsyncLifetime
{
    private const int Storm = 70_000;
    private readonly PostgresDatabase _postgres = new();

    [Fact]
    public async Task A_change_naming_70000_alerts_from_another_node_fills_the_alert_book_on_SQLite()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = AlertCentreOff });
        await StormAppliesAsync(app);
    }

    [PostgresFact]
    public async Task A_change_naming_70000_alerts_from_another_node_fills_the_alert_book_on_PostgreSQL()
    {
        await using var app = _postgres.Start(AlertCentreOff);
        await StormAppliesAsync(app);
    }

    // This node evaluates nothing itself: whatever its book holds came from the change.
    private static readonly Dictionary<string, string?> AlertCentreOff = new() { [AlertOptions.Section + ":Enabled"] = "false" };

    private static async Task StormAppliesAsync(FleetOpsApp app)
    {
        var store = await app.DefaultStoreAsync();
        var opened = DateTimeOffset.UtcNow.AddMinutes(-5);
        List<long> ids;
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            var rows = Enumerable.Range(0, Storm)
                .Select(i => new Alert(0, new AlertSubject(AlertKind.Offline, store, $"T-STORM-{i:D6}"), AlertSeverity.Warning,
                    AlertState.Open, opened, opened, 1, null, null, null, null).CopyTo())
                .ToList();
            db.Alerts.AddRange(rows);
            await db.SaveChangesAsync();
            ids = rows.Select(r => r.Id).ToList();
        }

        await app.GetService<AlertService>().ApplyFromPeerAsync(new BookChange(ids), CancellationToken.None);

        var book = app.GetService<AlertBook>();
        Assert.Equal(Storm, book.Active.Count(a => a.StoreCode == store && a.Kind == AlertKind.Offline));
    }

    public Task InitializeAsync() => _postgres.CreateAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
