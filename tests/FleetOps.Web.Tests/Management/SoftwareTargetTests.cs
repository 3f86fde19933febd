using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>PUT /api/v1/software/targets/{model} and the software status it gives terminals. Each test has a model of its own.</summary>
public sealed class SoftwareTargetTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Setting_a_target_is_200()
    {
        var model = Ids.New("M");
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{model}",
            new { appVersion = "3.3.0", firmwareVersion = "1.9.0", minimumAppVersion = "3.0.0" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_target_typed_in_other_letter_case_is_kept_as_the_terminals_spell_the_model()
    {
        var model = Ids.New("M"); // upper case, as the terminal registers it
        await app.NewTerminalAsync(model: model);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{model.ToLowerInvariant()}",
            new { appVersion = "3.3.0", firmwareVersion = "1.9.0" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var targets = await client.GetStringAsync("/api/v1/software/targets");
        Assert.Contains($"\"model\":\"{model}\"", targets, StringComparison.Ordinal);
        Assert.DoesNotContain(model.ToLowerInvariant(), targets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_without_an_app_version_is_400()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{Ids.New("M")}", new { firmwareVersion = "1.9.0" });

        await Expect.ValidationProblemAsync(response, "appVersion");
    }

    [Theory]
    [InlineData("latest", "1.9.0", "appVersion", "has no version number")]
    [InlineData("", "1.9.0", "appVersion", "required")]
    [InlineData("3.3.0", "V.x", "firmwareVersion", "has no version number")]
    [InlineData("3.3.0", "1.9.0_ä", "firmwareVersion", "not allowed")]
    public async Task An_empty_or_unorderable_target_version_is_400_with_the_reason(string appVersion, string firmwareVersion, string field, string reason)
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{Ids.New("M")}", new { appVersion, firmwareVersion });

        var problem = await Expect.ValidationProblemAsync(response, field);
        Assert.Contains(reason, problem.ToJsonString());
    }

    [Fact]
    public async Task A_target_written_the_vendors_way_is_accepted_and_judges_terminals_by_version_order()
    {
        var model = Ids.New("M");
        using var client = app.CreateAdminClient();
        var (terminalId, key) = await app.NewTerminalAsync(model: model);
        await app.PostAcceptedAsync(key, terminalId, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1), appVersion: "3.3.0-rc.2", firmwareVersion: "1.9.0"));

        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{model}",
            new { appVersion = "V3.3.0_20261201", firmwareVersion = "1.9.0", minimumAppVersion = "V3.0.0" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("outdated", Expect.Wire((await app.GetTerminalAsync(terminalId))["software"]!["status"]));
    }

    [Theory]
    [InlineData("3.3.0", "1.9.0", "current")]
    [InlineData("3.2.1", "1.9.0", "outdated")]
    [InlineData("3.3.0", "1.8.0", "outdated")]
    [InlineData("2.9.9", "1.9.0", "unsupported")]
    public async Task Reported_versions_are_judged_against_the_models_target(string appVersion, string firmwareVersion, string expected)
    {
        var model = Ids.New("M");
        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0", minimumAppVersion: "3.0.0");

        var status = await StatusAfterHeartbeatAsync(model, appVersion, firmwareVersion);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Terminal_becomes_outdated_when_a_newer_target_is_set_after_it_reported()
    {
        var model = Ids.New("M");
        var (terminal, key) = await app.NewTerminalAsync(model: model);
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1), appVersion: "3.2.1", firmwareVersion: "1.8.0"));
        Assert.Equal("unknown", Expect.Wire((await app.GetTerminalAsync(terminal))["software"]!["status"]));

        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.8.0");

        Assert.Equal("outdated", Expect.Wire((await app.GetTerminalAsync(terminal))["software"]!["status"]));
    }

    [Fact]
    public async Task Versions_compare_numerically_so_3_9_2_is_older_than_3_10_0()
    {
        var model = Ids.New("M");
        await app.SetSoftwareTargetAsync(model, "3.10.0", "1.9.0");

        Assert.Equal("outdated", await StatusAfterHeartbeatAsync(model, "3.9.2", "1.9.0"));
    }

    [Fact]
    public async Task Versions_compare_numerically_so_3_10_0_meets_a_3_9_2_target()
    {
        var model = Ids.New("M");
        await app.SetSoftwareTargetAsync(model, "3.9.2", "1.9.0");

        Assert.Equal("current", await StatusAfterHeartbeatAsync(model, "3.10.0", "1.9.0"));
    }

    private async Task<string> StatusAfterHeartbeatAsync(string model, string appVersion, string firmwareVersion)
    {
        var (terminal, key) = await app.NewTerminalAsync(model: model);
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1), appVersion: appVersion, firmwareVersion: firmwareVersion));
        return Expect.Wire((await app.GetTerminalAsync(terminal))["software"]!["status"]);
    }
}
