using System.Net;
using System.Net.Http.Json;
using System.Text;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Settings;

/// <summary>
/// <c>/api/v1/settings/detection</c>: administrators only; a bad name, type or value is a 400 naming it and saves nothing;
/// a partial save changes only what it names, is audited old → new, and null resets to the configured value.
/// An app of its own: the thresholds are the whole app's.
/// </summary>
public sealed class DetectionSettingsApiTests(AlertClockApp app) : IClassFixture<AlertClockApp>
{
    private const string Path = "/api/v1/settings/detection";

    [Fact]
    public async Task Only_administrators_may_read_or_change_the_thresholds()
    {
        var manager = await app.CreateUserAsync(Roles.RegionalManager, regions: ["East"]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);

        using var read = await client.GetAsync(Path);
        using var write = await client.PutAsJsonAsync(Path, new { unstablePowerLosses = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(3, (await ThresholdAsync("unstablePowerLosses"))["value"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{ "unstablePowerLosses": 2, "unstablePowerLoses": 2 }""", "unstablePowerLoses")]
    [InlineData("""{ "unstablePowerLosses": "2" }""", "unstablePowerLosses")]
    [InlineData("""{ "unstablePowerLosses": 0 }""", "unstablePowerLosses")]
    [InlineData("""{ "unstablePowerLosses": 2.5 }""", "unstablePowerLosses")]
    [InlineData("""{ "unstablePowerLosses": 2, "storeWideShare": 1.5 }""", "storeWideShare")]
    [InlineData("""{ "offlineAfterSeconds": 60, "completionTimeoutSeconds": 60 }""", "completionTimeoutSeconds")]
    [InlineData("""{}""", "body")]
    [InlineData("""[2]""", "body")]
    public async Task Bad_input_is_a_400_naming_it_and_nothing_is_saved(string body, string field)
    {
        using var admin = app.CreateAdminClient();
        var audited = (await app.AuditAsync(AuditActions.ThresholdsChanged)).Count;
        var before = await admin.GetStringAsync(Path);

        using var response = await admin.PutAsync(Path, new StringContent(body, Encoding.UTF8, "application/json"));

        await Expect.ValidationProblemAsync(response, field);
        Assert.Equal(before, await admin.GetStringAsync(Path));
        Assert.Equal(audited, (await app.AuditAsync(AuditActions.ThresholdsChanged)).Count);
    }

    /// <summary>The power history reaches back 7 windows and needs the heartbeats' boot rows that long: 168 h covers 24 h.</summary>
    [Fact]
    public async Task A_window_the_heartbeat_retention_cannot_cover_is_a_400_naming_the_field_and_both_settings()
    {
        using var admin = app.CreateAdminClient();
        var before = await admin.GetStringAsync(Path);

        using var response = await admin.PutAsJsonAsync(Path, new { unstablePowerWindowHours = 25 });

        var problem = await Expect.ValidationProblemAsync(response, "unstablePowerWindowHours");
        Assert.StartsWith("FleetOps:Detection:UnstablePowerWindowHours must be at most 24 hours while FleetOps:Retention:HeartbeatHours is 168 (was 25)",
            problem["errors"]!["unstablePowerWindowHours"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync(Path));
    }

    [Fact]
    public async Task A_partial_save_changes_only_what_it_names_is_audited_old_to_new_and_null_resets_it()
    {
        using var admin = app.CreateAdminClient();

        using var saved = await admin.PutAsJsonAsync(Path, new { batteryWeakRuntimeMinutes = 15 });
        await Expect.StatusAsync(saved, HttpStatusCode.OK);
        var battery = await ThresholdAsync("batteryWeakRuntimeMinutes");
        Assert.Equal((15.0, 10.0, true), (battery["value"]!.GetValue<double>(), battery["default"]!.GetValue<double>(), battery["overridden"]!.GetValue<bool>()));
        var offline = await ThresholdAsync("offlineAfterSeconds");
        Assert.Equal((180.0, false), (offline["value"]!.GetValue<double>(), offline["overridden"]!.GetValue<bool>()));
        var audit = (await app.AuditAsync(AuditActions.ThresholdsChanged)).Last();
        Assert.Equal("BatteryWeakRuntimeMinutes: 10 → 15", audit.Details);
        Assert.Equal("FleetOps:Detection", audit.Target);

        using var reset = await admin.PutAsync(Path, new StringContent("""{ "batteryWeakRuntimeMinutes": null }""", Encoding.UTF8, "application/json"));
        await Expect.StatusAsync(reset, HttpStatusCode.OK);
        battery = await ThresholdAsync("batteryWeakRuntimeMinutes");
        Assert.Equal((10.0, false), (battery["value"]!.GetValue<double>(), battery["overridden"]!.GetValue<bool>()));
        Assert.Equal("BatteryWeakRuntimeMinutes: 15 → 10 (configured)", (await app.AuditAsync(AuditActions.ThresholdsChanged)).Last().Details);
    }

    /// <summary>An outside tester set 180 → 240 → 180 and still read "changed here", with a second audit line to match.</summary>
    [Fact]
    public async Task Saving_the_configured_value_removes_the_override_and_an_unchanged_save_is_not_audited()
    {
        using var admin = app.CreateAdminClient();
        using var raised = await admin.PutAsJsonAsync(Path, new { offlineAfterSeconds = 240 });
        await Expect.StatusAsync(raised, HttpStatusCode.OK);
        var audited = (await app.AuditAsync(AuditActions.ThresholdsChanged)).Count;

        using var back = await admin.PutAsJsonAsync(Path, new { offlineAfterSeconds = 180 });

        await Expect.StatusAsync(back, HttpStatusCode.OK);
        var offline = await ThresholdAsync("offlineAfterSeconds");
        Assert.Equal((180.0, false), (offline["value"]!.GetValue<double>(), offline["overridden"]!.GetValue<bool>()));
        var entries = await app.AuditAsync(AuditActions.ThresholdsChanged);
        Assert.Equal(audited + 1, entries.Count);
        Assert.Equal("OfflineAfterSeconds: 240 → 180 (configured)", entries.Last().Details);

        using var again = await admin.PutAsJsonAsync(Path, new { offlineAfterSeconds = 180 });

        await Expect.StatusAsync(again, HttpStatusCode.OK);
        Assert.False((await ThresholdAsync("offlineAfterSeconds"))["overridden"]!.GetValue<bool>());
        Assert.Equal(audited + 1, (await app.AuditAsync(AuditActions.ThresholdsChanged)).Count);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> ThresholdAsync(string name)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync(Path);
        return (await Expect.JsonObjectAsync(response))[name]!.AsObject();
    }
}
