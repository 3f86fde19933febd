using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// A restart keeps every acknowledged event and gives the same fleet state: one app is stopped, and a second one
/// is started on the same database file.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task Restart_keeps_acknowledged_events_fleet_state_keys_and_idempotence()
    {
        var now = DateTimeOffset.UtcNow;
        var events = new JsonNode[]
        {
            Heartbeat("hb-1", now.AddMinutes(-3), bootId: "boot-A", appVersion: "3.2.0", firmwareVersion: "1.8.0"),
            Power("p-1", now.AddMinutes(-2), "brownout"),
            Heartbeat("hb-2", now.AddMinutes(-1), bootId: "boot-B", appVersion: "3.3.0", firmwareVersion: "1.9.0"),
            Transaction("tx-1", now.AddSeconds(-50), transactionId: "000123-0001", stage: "authorized"),
            Transaction("tx-2", now.AddSeconds(-40), transactionId: "000123-0001", stage: "completed"),
        };

        string terminal, key;
        JsonObject before;
        long rowsBefore;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            (terminal, key) = await first.NewTerminalAsync(await first.CreateStoreAsync(Ids.New("S")));
            var accepted = await first.PostAcceptedAsync(key, terminal, events);
            Assert.Equal(events.Length, accepted["accepted"]!.GetValue<int>());
            before = await first.GetTerminalAsync(terminal);
            rowsBefore = await first.StoredEventsAsync();
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var after = await _second.GetTerminalAsync(terminal);

        Assert.Equal(events.Length, rowsBefore);
        Assert.Equal(rowsBefore, await _second.StoredEventsAsync());
        Assert.Equal("online", Expect.Wire(after["connectivity"]));
        Assert.Equal(Expect.Wire(before["connectivity"]), Expect.Wire(after["connectivity"]));
        Assert.Equal("3.3.0", Expect.Wire(after["appVersion"]));
        Assert.Equal(Expect.Wire(before["firmwareVersion"]), Expect.Wire(after["firmwareVersion"]));
        Assert.Equal(2, before["power"]!["lossesInWindow"]!.GetValue<int>()); // the brownout and the unannounced reboot
        Assert.Equal(before["power"]!["lossesInWindow"]!.GetValue<int>(), after["power"]!["lossesInWindow"]!.GetValue<int>());
        Assert.Equal(Expect.Wire(before["power"]!["status"]), Expect.Wire(after["power"]!["status"]));
        Assert.Equal(before["power"]!["likelyCause"]?.ToJsonString(), after["power"]!["likelyCause"]?.ToJsonString());
        Assert.Equal(Instant(before["power"]!["lastLossAt"]), Instant(after["power"]!["lastLossAt"]));
        Assert.Equal(before["software"]!.ToJsonString(), after["software"]!.ToJsonString());
        Assert.Equal(Instant(before["lastSeenAt"]), Instant(after["lastSeenAt"]));

        var resent = await _second.PostAcceptedAsync(key, terminal, events[0]);
        Assert.Equal(0, resent["accepted"]!.GetValue<int>());
        Assert.Equal(1, resent["duplicates"]!.GetValue<int>());

        var fresh = await _second.PostAcceptedAsync(key, terminal, Heartbeat("hb-3", DateTimeOffset.UtcNow, bootId: "boot-B"));
        Assert.Equal(1, fresh["accepted"]!.GetValue<int>());
        Assert.Equal(rowsBefore + 1, await _second.StoredEventsAsync());
    }

    [Fact]
    public async Task Software_target_survives_a_restart_even_when_set_again_under_another_letter_case()
    {
        var model = Ids.New("M").ToUpperInvariant();
        string terminal, key;
        string? statusBefore;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            (terminal, key) = await first.NewTerminalAsync(model: model);
            await first.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-5), appVersion: "3.4.0", firmwareVersion: "1.9.0"));
            await first.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0");
            await first.SetSoftwareTargetAsync(model.ToLowerInvariant(), "3.4.0", "1.9.0");
            await first.SetSoftwareTargetAsync(model, "3.5.0", "1.9.0");
            statusBefore = Expect.Wire((await first.GetTerminalAsync(terminal))["software"]!["status"]);
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var directives = (await _second.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow, appVersion: "3.4.0", firmwareVersion: "1.9.0")))["directives"]!;

        Assert.Equal("outdated", statusBefore);
        Assert.Equal("3.5.0", Expect.Wire(directives["targetAppVersion"]));
        Assert.Equal("outdated", Expect.Wire((await _second.GetTerminalAsync(terminal))["software"]!["status"]));
    }

    /// <summary>
    /// The moment, to the millisecond: the database keeps Unix milliseconds, so after a restart the same moment may be
    /// written with another offset and without the sub-millisecond digits it had in memory.
    /// </summary>
    private static long Instant(JsonNode? timestamp) =>
        DateTimeOffset.Parse(timestamp!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
