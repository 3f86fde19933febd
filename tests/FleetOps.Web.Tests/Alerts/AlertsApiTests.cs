using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>The alert centre through its API (docs/api.md §5): an offline terminal raises an alert that is acknowledged, resolves, is scoped and muted.</summary>
[Collection(AlertClockCollection.Name)]
public sealed class AlertsApiTests(AlertClockApp app)
{
    private static readonly TimeSpan PastOffline = AlertClockApp.PastOffline;

    private Task<(string Store, string TerminalId, string Key)> OfflineTerminalAsync() => app.OfflineTerminalAsync();

    private static async Task<JsonObject> AlertsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/alerts{query}");
        return await Expect.JsonObjectAsync(response);
    }

    private static JsonObject Only(JsonObject page) => Assert.Single(page.Items()).AsObject();

    [Fact]
    public async Task A_terminal_gone_offline_has_one_open_alert_with_its_store_and_title()
    {
        var (store, terminal, _) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();

        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(10)); // seen again: still one alert
        var alert = Only(await AlertsAsync(admin, $"?store={store}"));

        Assert.Equal("offline", Expect.Wire(alert["kind"]));
        Assert.Equal("warning", Expect.Wire(alert["severity"]));
        Assert.Equal("open", Expect.Wire(alert["state"]));
        Assert.Equal(terminal, Expect.Wire(alert["terminalId"]));
        Assert.Equal(store, Expect.Wire(alert["storeCode"]));
        Assert.False(alert["muted"]!.GetValue<bool>());
        Assert.Equal(1, alert["occurrences"]!.GetValue<int>());
        Assert.Contains(terminal, Expect.Wire(alert["title"]));
    }

    [Fact]
    public async Task Acknowledging_is_audited_and_the_alert_resolves_by_itself_when_the_terminal_is_back_then_409()
    {
        var (store, terminal, key) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var id = Only(await AlertsAsync(admin, $"?store={store}"))["id"]!.GetValue<long>();

        using var ack = await admin.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "router restarted" });
        var acknowledged = await Expect.JsonObjectAsync(ack);
        Assert.Equal("acknowledged", Expect.Wire(acknowledged["state"]));
        Assert.NotNull(acknowledged["acknowledgedBy"]);
        var audit = (await app.AuditAsync(AuditActions.AlertAcknowledged)).Last();
        Assert.Equal("router restarted", audit.Details);
        Assert.Contains(terminal, audit.Target);

        // Acknowledged again, by someone else a moment later: answered as it is, the first acknowledgement kept, nothing audited.
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var again = await managerClient.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "on my way" });
        var unchanged = await Expect.JsonObjectAsync(again);
        Assert.Equal(
            (Expect.Wire(acknowledged["acknowledgedAt"]), Expect.Wire(acknowledged["acknowledgedBy"])),
            (Expect.Wire(unchanged["acknowledgedAt"]), Expect.Wire(unchanged["acknowledgedBy"])));
        Assert.Single(await app.AuditAsync(AuditActions.AlertAcknowledged), a => a.Target == audit.Target);

        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), app.Now()));
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1));

        Assert.Empty((await AlertsAsync(admin, $"?store={store}")).Items());
        var resolved = Only(await AlertsAsync(admin, $"?store={store}&state=resolved"));
        Assert.NotNull(resolved["resolvedAt"]);
        using var late = await admin.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "late" });
        await Expect.ProblemAsync(late, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Offline_again_within_ten_minutes_reopens_the_same_alert()
    {
        var (store, terminal, key) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var id = Only(await AlertsAsync(admin, $"?store={store}"))["id"]!.GetValue<long>();
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), app.Now()));
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1));

        await app.AdvanceAndEvaluateAsync(PastOffline);

        var again = Only(await AlertsAsync(admin, $"?store={store}&state=all"));
        Assert.Equal(id, again["id"]!.GetValue<long>());
        Assert.Equal(2, again["occurrences"]!.GetValue<int>());
        Assert.Equal("open", Expect.Wire(again["state"]));
    }

    [Fact]
    public async Task A_store_manager_sees_only_their_stores_alerts_and_cannot_acknowledge_others()
    {
        var (own, _, _) = await OfflineTerminalAsync();
        var (other, _, _) = await OfflineTerminalAsync();
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [own]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);
        using var admin = app.CreateAdminClient();
        var otherId = Only(await AlertsAsync(admin, $"?store={other}"))["id"]!.GetValue<long>();

        var seen = await AlertsAsync(client, "?pageSize=500");
        var theirs = await AlertsAsync(client, $"?store={other}");
        using var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{otherId}/acknowledge", new { note = "not mine" });

        Assert.All(seen.Items(), a => Assert.Equal(own, Expect.Wire(a!["storeCode"])));
        Assert.Single(seen.Items());
        Assert.Empty(theirs.Items());
        await Expect.ProblemAsync(ack, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_terminal_filter_finds_the_terminals_alerts_whatever_the_letter_case()
    {
        var (store, terminal, _) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();

        var upper = Only(await AlertsAsync(admin, $"?terminal={terminal.ToUpperInvariant()}"));
        var lower = Only(await AlertsAsync(admin, $"?store={store}&terminal={terminal.ToLowerInvariant()}"));

        Assert.Equal(terminal, Expect.Wire(upper["terminalId"]));
        Assert.Equal(upper["id"]!.GetValue<long>(), lower["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_store_filter_finds_the_stores_alerts_whatever_the_letter_case()
    {
        var (store, terminal, _) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();

        var alert = Only(await AlertsAsync(admin, $"?store={store.ToUpperInvariant()}"));

        Assert.Equal(terminal, Expect.Wire(alert["terminalId"]));
        Assert.Equal(store, Expect.Wire(alert["storeCode"]));
    }

    [Theory]
    [InlineData("?state=sleeping", "state")]
    [InlineData("?kind=meteor", "kind")]
    [InlineData("?severity=mild", "severity")]
    [InlineData("?page=0", "page")]
    public async Task Unknown_filter_values_are_a_400_naming_the_filter(string query, string field)
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.GetAsync($"/api/v1/alerts{query}");

        await Expect.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_muted_store_keeps_its_alerts_recorded_but_marked_muted_and_out_of_the_badge()
    {
        var (store, _, _) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var book = app.GetService<AlertBook>();
        var before = book.CountForBadge(Core.Access.AccessScope.All, app.GetService<StoreDirectory>());

        using var created = await admin.PostAsJsonAsync("/api/v1/mutes",
            new { storeCode = store, terminalId = (string?)null, from = app.Now().AddMinutes(-1), until = app.Now().AddHours(2), reason = "refit" });
        var mute = await Expect.JsonObjectAsync(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(Only(await AlertsAsync(admin, $"?store={store}"))["muted"]!.GetValue<bool>());
        Assert.Equal(before - 1, book.CountForBadge(Core.Access.AccessScope.All, app.GetService<StoreDirectory>()));
        Assert.Contains((await AlertsAsync(admin, "")).Items(), a => a!["storeCode"]!.GetValue<string>() == store); // still listed
        Assert.Equal(AuditActions.MuteCreated, (await app.AuditAsync(AuditActions.MuteCreated)).Last().Action);

        using var deleted = await admin.DeleteAsync($"/api/v1/mutes/{mute["id"]}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Only(await AlertsAsync(admin, $"?store={store}"))["muted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Mutes_are_listed_by_store_and_by_terminal_with_the_terminals_store_wide_windows()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var other = await app.CreateStoreAsync(Ids.New("S"));
        var (first, _) = await app.NewTerminalAsync(store);
        var (second, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();
        async Task<long> MuteAsync(string storeCode, string? terminalId)
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/mutes",
                new { storeCode, terminalId, from = app.Now().AddMinutes(-1), until = app.Now().AddHours(2), reason = "refit" });
            return (await Expect.JsonObjectAsync(created))["id"]!.GetValue<long>();
        }
        var wholeStore = await MuteAsync(store, null);
        var firstOnly = await MuteAsync(store, first);
        var secondOnly = await MuteAsync(store, second);
        var elsewhere = await MuteAsync(other, null);
        async Task<long[]> IdsAsync(string query) =>
            (await Expect.JsonObjectAsync(await admin.GetAsync($"/api/v1/mutes{query}"))).Items().Select(m => m!["id"]!.GetValue<long>()).Order().ToArray();

        Assert.Equal([wholeStore, firstOnly, secondOnly], await IdsAsync($"?store={store.ToLowerInvariant()}"));
        Assert.Equal([wholeStore, firstOnly], await IdsAsync($"?terminal={first.ToLowerInvariant()}"));
        Assert.Equal([elsewhere], await IdsAsync($"?store={other}"));
        Assert.Contains(elsewhere, await IdsAsync(""));
    }

    [Theory]
    [InlineData(60, -60, "until")]
    [InlineData(0, 31 * 24 * 60, "until")]
    [InlineData(-120, -60, "until")] // over before it is made: it would mute nothing, and the list of mutes would never show it
    public async Task A_mute_ending_before_it_starts_or_longer_than_30_days_or_already_over_is_a_400(int fromMinutes, int untilMinutes, string field)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/mutes",
            new { storeCode = store, from = app.Now().AddMinutes(fromMinutes), until = app.Now().AddMinutes(untilMinutes), reason = "x" });

        await Expect.ValidationProblemAsync(response, field);
        Assert.DoesNotContain(app.GetService<AlertBook>().Mutes, m => m.StoreCode == store);
    }

    [Fact]
    public async Task A_mute_for_an_unknown_store_or_a_terminal_of_another_store_is_a_400()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (elsewhere, _) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        using var admin = app.CreateAdminClient();
        var until = app.Now().AddHours(1);

        using var unknown = await admin.PostAsJsonAsync("/api/v1/mutes", new { storeCode = "NO-SUCH", until });
        using var foreign = await admin.PostAsJsonAsync("/api/v1/mutes", new { storeCode = store, terminalId = elsewhere, until });

        await Expect.ValidationProblemAsync(unknown, "storeCode");
        await Expect.ValidationProblemAsync(foreign, "terminalId");

        // Without a store, a known terminal is not said to be missing "in store ''": the store is what is missing.
        using var noStore = await admin.PostAsJsonAsync("/api/v1/mutes", new { terminalId = elsewhere, until });
        var errors = (await Expect.ValidationProblemAsync(noStore, "storeCode"))["errors"]!.AsObject();
        Assert.Equal(["storeCode"], errors.Select(e => e.Key));
        using var nothing = await admin.PostAsJsonAsync("/api/v1/mutes", new { terminalId = "NO-SUCH-T", until });
        Assert.Equal("No terminal 'NO-SUCH-T' among yours.", Expect.Wire((await Expect.ValidationProblemAsync(nothing, "terminalId"))["errors"]!["terminalId"]![0]));
    }

    [Fact]
    public async Task A_card_number_in_an_acknowledgement_note_is_refused_and_nothing_is_stored()
    {
        var (store, _, _) = await OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var id = Only(await AlertsAsync(admin, $"?store={store}"))["id"]!.GetValue<long>();

        using var response = await admin.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = $"card {Events.CardNumber()}" });

        await Expect.ValidationProblemAsync(response, "note");
        Assert.Equal("open", Expect.Wire(Only(await AlertsAsync(admin, $"?store={store}"))["state"]));
    }
}
