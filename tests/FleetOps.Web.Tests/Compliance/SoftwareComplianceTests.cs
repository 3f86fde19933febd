using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Compliance;

/// <summary>
/// Software compliance over HTTP (issue 13): <c>outdatedSince</c>, the compliance counts within the caller's scope, and the
/// <c>unsupported_software</c> / <c>update_overdue</c> alerts, on the fake clock. Each test has models and stores of its own.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class SoftwareComplianceTests(AlertClockApp app)
{
    private async Task<(string TerminalId, string Key)> TerminalRunningAsync(string store, string model, string appVersion)
    {
        var (terminal, key) = await app.NewTerminalAsync(store, model: model);
        await app.PostAcceptedAsync(key, terminal, Heartbeat(Ids.New("hb"), app.Now(), appVersion: appVersion, firmwareVersion: "1.9.0"));
        return (terminal, key);
    }

    private async Task SetTargetAsync(string model, string appVersion, string? minimum = "3.0.0")
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/v1/software/targets/{model}",
            new { appVersion, firmwareVersion = "1.9.0", minimumAppVersion = minimum });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonObject> ComplianceAsync(HttpClient client, string model)
    {
        using var response = await client.GetAsync("/api/v1/software/compliance");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response))["models"]!.AsArray().Select(m => m!.AsObject()).Single(m => Expect.Wire(m["model"]) == model);
    }

    private async Task<List<JsonObject>> AlertsOfAsync(string terminalId)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync($"/api/v1/alerts?state=all&terminal={terminalId}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray().Select(a => a!.AsObject()).ToList();
    }

    [Fact]
    public async Task A_terminal_left_behind_by_a_new_target_is_outdated_since_the_moment_the_target_was_set()
    {
        var model = Ids.New("M");
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await TerminalRunningAsync(store, model, "3.2.1");
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromMinutes(1));
        var setAt = app.Now();

        await SetTargetAsync(model, "3.3.0");
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromMinutes(1));

        var software = (await app.GetTerminalAsync(terminal))["software"]!;
        Assert.Equal("outdated", Expect.Wire(software["status"]));
        Assert.Equal("3.3.0", Expect.Wire(software["targetAppVersion"]));
        Assert.Equal(setAt, software["outdatedSince"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Compliance_counts_each_models_terminals_within_the_callers_stores()
    {
        var model = Ids.New("M");
        var own = await app.CreateStoreAsync(Ids.New("S"));
        var other = await app.CreateStoreAsync(Ids.New("S"));
        await TerminalRunningAsync(own, model, "3.3.0");
        await TerminalRunningAsync(own, model, "2.0.0");
        await TerminalRunningAsync(other, model, "3.2.0");
        await TerminalRunningAsync(other, model, "latest");
        await SetTargetAsync(model, "3.3.0");
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [own]);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var admin = app.CreateAdminClient();

        var all = await ComplianceAsync(admin, model);
        var mine = await ComplianceAsync(managerClient, model);

        Assert.Equal((4, 1, 1, 1, 1), (all["terminals"]!.GetValue<int>(), all["current"]!.GetValue<int>(), all["outdated"]!.GetValue<int>(),
            all["unsupported"]!.GetValue<int>(), all["unknown"]!.GetValue<int>()));
        Assert.Equal("3.3.0", Expect.Wire(all["targetAppVersion"]));
        Assert.Equal("3.0.0", Expect.Wire(all["minimumAppVersion"]));
        Assert.Equal((2, 1, 1), (mine["terminals"]!.GetValue<int>(), mine["current"]!.GetValue<int>(), mine["unsupported"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Unsupported_software_alerts_at_once_update_overdue_after_the_limit_and_both_resolve_once_updated()
    {
        var model = Ids.New("M");
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (old, oldKey) = await TerminalRunningAsync(store, model, "2.9.0");
        var (behind, behindKey) = await TerminalRunningAsync(store, model, "3.2.1");
        await SetTargetAsync(model, "3.3.0");

        await app.AdvanceAndEvaluateAsync(TimeSpan.FromMinutes(1));
        var unsupported = Assert.Single(await AlertsOfAsync(old), a => Expect.Wire(a["kind"]) == "unsupported_software");
        Assert.Equal("critical", Expect.Wire(unsupported["severity"]));
        Assert.DoesNotContain(await AlertsOfAsync(behind), a => Expect.Wire(a["kind"]) == "update_overdue");

        await app.AdvanceAndEvaluateAsync(TimeSpan.FromDays(7));
        Assert.Contains(await AlertsOfAsync(behind), a => Expect.Wire(a["kind"]) == "update_overdue" && Expect.Wire(a["state"]) == "open");

        foreach (var (terminal, key) in new[] { (old, oldKey), (behind, behindKey) })
            await app.PostAcceptedAsync(key, terminal, Heartbeat(Ids.New("hb"), app.Now(), appVersion: "V3.3.0_20261201", firmwareVersion: "1.9.0"));
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1));

        Assert.All((await AlertsOfAsync(old)).Concat(await AlertsOfAsync(behind)).Where(a => Expect.Wire(a["kind"]) is "unsupported_software" or "update_overdue"),
            a => Assert.Equal("resolved", Expect.Wire(a["state"])));
    }
}
