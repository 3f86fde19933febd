using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Alerts;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Rollouts.RolloutFleet;

namespace FleetOps.Web.Tests.Rollouts;

/// <summary>Staged rollouts over HTTP (docs/api.md §7): directives per wave, advancing, halting by itself, and the refusals.</summary>
public sealed class RolloutApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Directives_carry_the_target_of_the_started_wave_and_a_terminal_outside_it_keeps_its_old_target()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 2);
        var (first, second) = (fleet.Terminals[0], fleet.Terminals[2]);
        Assert.Equal("3.2.0", Expect.Wire((await fleet.DirectivesAsync(first))["targetAppVersion"]));

        var id = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[0]), PercentWave(100)));

        var inWave = await fleet.DirectivesAsync(first);
        Assert.Equal("3.3.0", Expect.Wire(inWave["targetAppVersion"]));
        Assert.Equal("1.8.0", Expect.Wire(inWave["targetFirmwareVersion"])); // no firmware in the rollout: the model's stays
        Assert.Equal("3.2.0", Expect.Wire((await fleet.DirectivesAsync(second))["targetAppVersion"]));

        var advanced = await fleet.CommandAsync(id, "advance");
        await Expect.StatusAsync(advanced, HttpStatusCode.OK);

        Assert.Equal("3.3.0", Expect.Wire((await fleet.DirectivesAsync(second))["targetAppVersion"]));
        var rollout = await fleet.GetRolloutAsync(id);
        Assert.Equal("running", Expect.Wire(rollout["state"]));
        Assert.Equal(1, rollout["currentWave"]!.GetValue<int>());
        Assert.Equal([2, 2], rollout["waves"]!.AsArray().Select(w => w!["terminals"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_wave_with_more_failures_than_the_threshold_halts_the_rollout_and_raises_rollout_halted_until_resumed()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 3);
        var id = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[0]), StoresWave(fleet.Stores[1])), haltWhenFailedPercent: 34);

        await fleet.ReportAsync(fleet.Terminals[0], "failed"); // 1 of 3 = 33 %: not more than 34 %
        await fleet.ReportAsync(fleet.Terminals[1], "installed");
        var stillRunning = await fleet.GetRolloutAsync(id);
        Assert.Equal("running", Expect.Wire(stillRunning["state"]));
        Assert.Equal(1, stillRunning["waves"]![0]!["failed"]!.GetValue<int>());
        Assert.Equal(1, stillRunning["waves"]![0]!["installed"]!.GetValue<int>());

        await fleet.ReportAsync(fleet.Terminals[2], "failed"); // 2 of 3 = 67 %

        var halted = await Eventually.MatchesAsync(() => fleet.GetRolloutAsync(id), r => Expect.Wire(r["state"]) == "halted", "the rollout to halt");
        Assert.Equal(0, halted["currentWave"]!.GetValue<int>());
        await app.GetService<AlertService>().EvaluateAsync();
        var alert = Assert.Single(await ActiveAlertsAsync(fleet.Stores[0]));
        Assert.Equal("warning", Expect.Wire(alert!["severity"]));
        await Expect.StatusAsync(await fleet.CommandAsync(id, "advance"), HttpStatusCode.Conflict);

        await Expect.StatusAsync(await fleet.CommandAsync(id, "resume"), HttpStatusCode.OK);
        await app.GetService<AlertService>().EvaluateAsync();

        Assert.Equal("running", Expect.Wire((await fleet.GetRolloutAsync(id))["state"])); // the failures seen no longer halt it
        Assert.Empty(await ActiveAlertsAsync(fleet.Stores[0]));
    }

    [Fact]
    public async Task With_a_success_threshold_the_next_wave_starts_by_itself_and_the_last_completes_the_rollout()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 1);
        var id = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[0]), StoresWave(fleet.Stores[1])), advanceWhenInstalledPercent: 100);

        await fleet.ReportAsync(fleet.Terminals[0], "installed");
        var second = await Eventually.MatchesAsync(() => fleet.GetRolloutAsync(id), r => r["currentWave"]!.GetValue<int>() == 1, "the second wave to start");
        Assert.Equal(1, second["waves"]![0]!["installed"]!.GetValue<int>());

        await fleet.ReportAsync(fleet.Terminals[1], "installed");
        await Eventually.MatchesAsync(() => fleet.GetRolloutAsync(id), r => Expect.Wire(r["state"]) == "completed", "the rollout to complete");

        var again = await fleet.CommandAsync(id, "advance");
        Assert.Contains("completed", Expect.Wire((await Expect.ProblemAsync(again, HttpStatusCode.Conflict))["detail"]));
    }

    [Fact]
    public async Task A_new_rollout_for_the_model_supersedes_the_running_one_and_its_started_waves_keep_their_target()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 1);
        var old = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[0]), StoresWave(fleet.Stores[1])));

        var response = await fleet.PostRolloutAsync(Waves(StoresWave(fleet.Stores[1])), appVersion: "3.4.0");
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var id = (await Expect.JsonObjectAsync(response))["id"]!.GetValue<long>();

        var superseded = await fleet.GetRolloutAsync(old);
        Assert.Equal("completed", Expect.Wire(superseded["state"]));
        Assert.Equal(id, superseded["supersededBy"]!.GetValue<long>());
        Assert.Equal("3.3.0", Expect.Wire((await fleet.DirectivesAsync(fleet.Terminals[0]))["targetAppVersion"]));
        Assert.Equal("3.4.0", Expect.Wire((await fleet.DirectivesAsync(fleet.Terminals[1]))["targetAppVersion"]));
    }

    [Theory]
    [InlineData("", "'appVersion' cannot be ordered")]
    [InlineData("latest", "'appVersion' cannot be ordered")]
    public async Task An_empty_or_unorderable_version_is_a_400_with_the_reason(string version, string reason)
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 1, perStore: 1);

        var problem = await Expect.ProblemAsync(await fleet.PostRolloutAsync(Waves(PercentWave(100)), appVersion: version), HttpStatusCode.BadRequest);

        Assert.Contains(reason, Expect.Wire(problem["detail"]));
    }

    [Fact]
    public async Task A_model_without_terminals_or_an_unknown_store_is_a_400_naming_it()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 1, perStore: 1);

        var noTerminals = await Expect.ProblemAsync(await fleet.PostRolloutAsync(Waves(PercentWave(100)), model: "NO-SUCH-MODEL"), HttpStatusCode.BadRequest);
        var unknownStore = await Expect.ProblemAsync(await fleet.PostRolloutAsync(Waves(StoresWave("NOWHERE-1"))), HttpStatusCode.BadRequest);

        Assert.Contains("no terminals", Expect.Wire(noTerminals["detail"]));
        Assert.Contains("unknown store 'NOWHERE-1'", Expect.Wire(unknownStore["detail"]));
        var list = await Expect.JsonObjectAsync(await app.CreateAdminClient().GetAsync("/api/v1/software/rollouts"));
        Assert.DoesNotContain(list["items"]!.AsArray(), r => Expect.Wire(r!["model"]) == fleet.Model);
    }

    [Fact]
    public async Task A_waves_stores_are_kept_as_registered_and_once_each_whatever_letter_case_the_request_used()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 1);
        var store = fleet.Stores[0];

        var id = await fleet.CreateRolloutAsync(Waves(StoresWave(store.ToLowerInvariant(), store), PercentWave(100)));

        var rollout = await fleet.GetRolloutAsync(id);
        Assert.Equal([store], rollout["waves"]![0]!["stores"]!.AsArray().Select(Expect.Wire));
        Assert.Equal(1, rollout["waves"]![0]!["terminals"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wave_written_as_null_is_a_400_naming_the_wave_and_nothing_is_made()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 1, perStore: 1);

        var refused = await Expect.ProblemAsync(await fleet.PostRolloutAsync(new JsonArray(PercentWave(100), null)), HttpStatusCode.BadRequest);

        Assert.Contains("Wave 2", Expect.Wire(refused["detail"]));
        var list = await Expect.JsonObjectAsync(await app.CreateAdminClient().GetAsync("/api/v1/software/rollouts"));
        Assert.DoesNotContain(list["items"]!.AsArray(), r => Expect.Wire(r!["model"]) == fleet.Model);
    }

    [Fact]
    public async Task Only_administrators_write_and_a_store_manager_reads_only_the_rollouts_reaching_their_store()
    {
        var fleet = await RolloutFleet.CreateAsync(app, storeCount: 2, perStore: 1);
        var id = await fleet.CreateRolloutAsync(Waves(StoresWave(fleet.Stores[0]), PercentWave(100)));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [fleet.Stores[1]]);
        var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        await Expect.StatusAsync(await fleet.PostRolloutAsync(Waves(PercentWave(100)), client: client), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await fleet.CommandAsync(id, "halt", client), HttpStatusCode.Forbidden);
        var seen = await fleet.GetRolloutAsync(id, client);

        Assert.Equal([0, 1], seen["waves"]!.AsArray().Select(w => w!["terminals"]!.GetValue<int>())); // only their store's terminal
        Assert.Empty(seen["waves"]![0]!["stores"]!.AsArray()); // the first wave's store is another's: its code is not theirs to learn
        using var listed = await client.GetAsync("/api/v1/software/rollouts");
        var inList = Assert.Single((await Expect.JsonObjectAsync(listed))["items"]!.AsArray(), r => r!["id"]!.GetValue<long>() == id);
        Assert.Empty(inList!["waves"]![0]!["stores"]!.AsArray());
    }

    private async Task<JsonArray> ActiveAlertsAsync(string store) =>
        (await Expect.JsonObjectAsync(await app.CreateAdminClient().GetAsync($"/api/v1/alerts?kind=rollout_halted&store={store}")))["items"]!.AsArray();
}
