using System.Net.Http.Json;
using FleetOps.Core.Fleet;
using FleetOps.Web.Settings;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Settings;

/// <summary>Saved thresholds outlive a restart, and a node sharing the database picks up another node's change by itself.</summary>
public sealed class ThresholdRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private readonly List<FleetOpsApp> _apps = [];

    [Fact]
    public async Task A_restart_keeps_a_saved_threshold_and_its_configured_default()
    {
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            using var admin = first.CreateAdminClient();
            await Expect.StatusAsync(await admin.PutAsJsonAsync("/api/v1/settings/detection", new { unstablePowerLosses = 5, unstablePowerWindowHours = 12 }),
                System.Net.HttpStatusCode.OK);
        }

        var second = Start(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false });

        var options = second.GetService<FleetState>().Options;
        Assert.Equal((5, 12.0), (options.UnstablePowerLosses, options.UnstablePowerWindowHours));
        // The history loaded at start-up reaches back by the saved window, not the configured one.
        Assert.Equal(TimeSpan.FromHours(12 * 7), second.GetService<FleetState>().PowerHorizon);
        var listed = second.GetService<ThresholdSettings>().Current().Single(v => v.Setting.Name == "UnstablePowerLosses");
        Assert.Equal((5.0, 3.0, true), (listed.Value, listed.Configured, listed.Overridden));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_saved_threshold_outlives_a_restart_and_a_reset_removes_it()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        await using (var first = database.Start())
        {
            using var admin = first.CreateAdminClient();
            await Expect.StatusAsync(await admin.PutAsJsonAsync("/api/v1/settings/detection", new { storeWideShare = 0.8 }), System.Net.HttpStatusCode.OK);
        }

        await using var second = database.Start();

        Assert.Equal(0.8, second.GetService<FleetState>().Options.StoreWideShare);
        await second.GetService<ThresholdSettings>().SaveAsync(new Dictionary<string, double?> { ["StoreWideShare"] = null }, "admin@chain", null);
        Assert.Equal(0.6, second.GetService<FleetState>().Options.StoreWideShare);
        Assert.False(await second.GetService<ThresholdSettings>().RefreshAsync(CancellationToken.None)); // nothing left saved that differs
    }

    /// <summary>Several nodes share one PostgreSQL (a second server on one SQLite file is refused: SqliteServerLock).</summary>
    [PostgresFact]
    public async Task A_node_sharing_the_database_applies_another_nodes_change_at_its_next_check()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var saving = database.Start();
        await using var other = database.Start(clock: clock);
        _ = other.Services; // started; its refresh timer waits on the fake clock once its ExecuteAsync has run

        using var admin = saving.CreateAdminClient();
        await Expect.StatusAsync(await admin.PutAsJsonAsync("/api/v1/settings/detection", new { batteryWeakRuntimeMinutes = 20 }), System.Net.HttpStatusCode.OK);
        Assert.Equal(10, other.GetService<FleetState>().Options.BatteryWeakRuntimeMinutes);

        await Eventually.TickingAsync(clock, ThresholdSettings.RefreshInterval, () => other.GetService<FleetState>().Options.BatteryWeakRuntimeMinutes == 20,
            "the other node's battery threshold after its periodic check", steps: 3);
    }

    private FleetOpsApp Start(FleetOpsAppOptions options)
    {
        var app = FleetOpsApp.Create(options);
        _apps.Add(app);
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
