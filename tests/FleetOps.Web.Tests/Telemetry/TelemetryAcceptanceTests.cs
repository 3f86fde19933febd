using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>POST /api/v1/telemetry with events a terminal may send: what is answered and what the fleet then shows.</summary>
public sealed class TelemetryAcceptanceTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Valid_batch_of_heartbeat_power_and_transaction_is_accepted_with_default_directives()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        var body = await app.PostAcceptedAsync(key, terminal,
            Heartbeat("e-1", now.AddSeconds(-10)), Power("e-2", now.AddSeconds(-5), "restored"), Transaction("e-3", now.AddSeconds(-8)));

        Assert.Equal(3, body["accepted"]!.GetValue<int>());
        Assert.Equal(0, body["duplicates"]!.GetValue<int>());
        Assert.Empty(body["rejected"]!.AsArray());
        var directives = body["directives"]!.AsObject();
        Assert.Equal(60, directives["heartbeatIntervalSeconds"]!.GetValue<int>());
        Assert.False(directives.ContainsKey("targetAppVersion"), directives.ToJsonString());
        Assert.False(directives.ContainsKey("targetFirmwareVersion"), directives.ToJsonString());
    }

    [Fact]
    public async Task Accepted_heartbeat_makes_the_terminal_online_with_its_versions_and_last_seen_time()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var before = DateTimeOffset.UtcNow;

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", before.AddSeconds(-3), appVersion: "3.2.1", firmwareVersion: "1.8.0"));
        var after = DateTimeOffset.UtcNow;

        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal("online", Expect.Wire(shown["connectivity"]));
        Assert.Equal("3.2.1", Expect.Wire(shown["appVersion"]));
        Assert.Equal("1.8.0", Expect.Wire(shown["firmwareVersion"]));
        // lastSeenAt is when the server last heard from the terminal (connectivity is judged on it), not the event's own clock.
        var lastSeen = DateTimeOffset.Parse(shown["lastSeenAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lastSeen, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    [Fact]
    public async Task Directives_name_target_versions_only_once_a_target_is_set_for_the_model()
    {
        var model = Ids.New("M");
        var (terminal, key) = await app.NewTerminalAsync(model: model);
        var now = DateTimeOffset.UtcNow;

        var before = (await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", now.AddSeconds(-20))))["directives"]!.AsObject();
        Assert.False(before.ContainsKey("targetAppVersion"), before.ToJsonString());
        Assert.False(before.ContainsKey("targetFirmwareVersion"), before.ToJsonString());

        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0");
        var after = (await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", now.AddSeconds(-10))))["directives"]!.AsObject();

        Assert.Equal(60, after["heartbeatIntervalSeconds"]!.GetValue<int>());
        Assert.Equal("3.3.0", Expect.Wire(after["targetAppVersion"]));
        Assert.Equal("1.9.0", Expect.Wire(after["targetFirmwareVersion"]));
    }

    [Fact]
    public async Task Same_batch_sent_twice_is_counted_as_duplicates_the_second_time()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        JsonNode[] batch = [Heartbeat("e-1", now.AddSeconds(-10)), Power("e-2", now.AddSeconds(-9), "on_battery"), Transaction("e-3", now.AddSeconds(-8))];

        var first = await app.PostAcceptedAsync(key, terminal, batch);
        var second = await app.PostAcceptedAsync(key, terminal, batch);

        Assert.Equal(3, first["accepted"]!.GetValue<int>());
        Assert.Equal(0, second["accepted"]!.GetValue<int>());
        Assert.Equal(3, second["duplicates"]!.GetValue<int>());
        Assert.Empty(second["rejected"]!.AsArray());
        Assert.Equal(3, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Duplicate_ids_inside_one_batch_are_stored_and_counted_once()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        var body = await app.PostAcceptedAsync(key, terminal,
            Heartbeat("e-1", now.AddSeconds(-10)), Heartbeat("e-1", now.AddSeconds(-10)), Power("e-2", now.AddSeconds(-9), "restored"));

        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal(1, body["duplicates"]!.GetValue<int>());
        Assert.Equal(2, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Backlog_sent_newest_first_still_shows_the_newest_heartbeats_versions()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        await app.PostAcceptedAsync(key, terminal,
            Heartbeat("hb-3", now.AddMinutes(-1), appVersion: "3.3.0", firmwareVersion: "1.9.0"),
            Heartbeat("hb-2", now.AddMinutes(-2), appVersion: "3.2.0", firmwareVersion: "1.8.5"),
            Heartbeat("hb-1", now.AddMinutes(-3), appVersion: "3.1.0", firmwareVersion: "1.8.0"));

        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal("3.3.0", Expect.Wire(shown["appVersion"]));
        Assert.Equal("1.9.0", Expect.Wire(shown["firmwareVersion"]));
    }

    [Fact]
    public async Task Late_older_heartbeat_does_not_roll_back_the_app_version()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-new", now.AddSeconds(-5), appVersion: "3.3.0", firmwareVersion: "1.9.0"));

        var late = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-old", now.AddMinutes(-4), appVersion: "3.1.0", firmwareVersion: "1.8.0"));

        Assert.Equal(1, late["accepted"]!.GetValue<int>());
        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal("3.3.0", Expect.Wire(shown["appVersion"]));
        Assert.Equal("1.9.0", Expect.Wire(shown["firmwareVersion"]));
    }

    [Fact]
    public async Task Mixed_batch_stores_valid_events_and_lists_each_invalid_one_with_index_id_and_error()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var badType = Heartbeat("e-bad-type", now.AddSeconds(-9));
        badType["type"] = "teleport";
        var noId = Power("x", now.AddSeconds(-7), "restored");
        noId.Remove("id");

        var body = await app.PostAcceptedAsync(key, terminal,
            Heartbeat("e-ok-1", now.AddSeconds(-10)),
            badType,
            Power("e-ok-2", now.AddSeconds(-8), "on_battery"),
            Transaction("e-bad-amount", now.AddSeconds(-8), amountMinor: 0),
            noId);

        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal(0, body["duplicates"]!.GetValue<int>());
        var rejected = body["rejected"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(new[] { 1, 3, 4 }, rejected.Select(r => r["index"]!.GetValue<int>()));
        Assert.Equal(new string?[] { "e-bad-type", "e-bad-amount", null }, rejected.Select(r => r["id"]?.GetValue<string>()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r["error"]?.GetValue<string>())));
        Assert.Equal(2, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Event_with_a_number_field_sent_as_a_string_is_rejected_alone()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var wrongType = Heartbeat("hb-bad", now.AddSeconds(-5));
        wrongType["uptimeSeconds"] = "3600";

        var body = await app.PostAcceptedAsync(key, terminal, Power("p-ok", now.AddSeconds(-6), "restored"), wrongType);

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!.AsObject();
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        Assert.Equal("hb-bad", Expect.Wire(rejected["id"]));
        Assert.Contains("uptimeSeconds", Expect.Wire(rejected["error"]));
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Event_dated_ten_minutes_in_the_future_is_rejected()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        var body = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-future", DateTimeOffset.UtcNow.AddMinutes(10)));

        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!.AsObject();
        Assert.Equal(0, rejected["index"]!.GetValue<int>());
        Assert.Equal("hb-future", Expect.Wire(rejected["id"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Event_dated_two_minutes_in_the_future_is_accepted()
    {
        var (terminal, key) = await app.NewTerminalAsync();

        var body = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-soon", DateTimeOffset.UtcNow.AddMinutes(2)));

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        Assert.Empty(body["rejected"]!.AsArray());
    }

    [Fact]
    public async Task Batch_of_500_events_is_accepted()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        var body = await app.PostAcceptedAsync(key, terminal,
            Enumerable.Range(0, 500).Select(i => (JsonNode)Power($"p-{i}", now.AddSeconds(-600 + i), i % 2 == 0 ? "on_battery" : "restored")).ToArray());

        Assert.Equal(500, body["accepted"]!.GetValue<int>());
        Assert.Equal(500, await app.StoredEventsAsync(terminal));
    }
}
