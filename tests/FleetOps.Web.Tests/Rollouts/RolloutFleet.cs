using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Rollouts;

/// <summary>A model of its own in stores of its own, its terminals heard once on the old version, and the rollout API's calls.</summary>
public sealed class RolloutFleet
{
    private readonly FleetOpsApp _app;

    private RolloutFleet(FleetOpsApp app, string model, IReadOnlyList<string> stores, IReadOnlyList<(string Id, string Key, string Store)> terminals)
    {
        _app = app;
        Model = model;
        Stores = stores;
        Terminals = terminals;
    }

    public string Model { get; }
    public IReadOnlyList<string> Stores { get; }
    public IReadOnlyList<(string Id, string Key, string Store)> Terminals { get; }

    /// <summary><paramref name="perStore"/> terminals in each of <paramref name="storeCount"/> new stores, all on app 3.2.0, firmware 1.8.0, target set to that.</summary>
    public static async Task<RolloutFleet> CreateAsync(FleetOpsApp app, int storeCount, int perStore)
    {
        var model = Ids.New("M");
        var stores = new List<string>();
        var terminals = new List<(string, string, string)>();
        for (var s = 0; s < storeCount; s++)
        {
            var store = await app.CreateStoreAsync(Ids.New("S"));
            stores.Add(store);
            for (var t = 0; t < perStore; t++)
            {
                var (id, key) = await app.NewTerminalAsync(store, model);
                await app.PostAcceptedAsync(key, id, Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow.AddSeconds(-30), appVersion: "3.2.0"));
                terminals.Add((id, key, store));
            }
        }
        await app.SetSoftwareTargetAsync(model, "3.2.0", "1.8.0");
        return new RolloutFleet(app, model, stores, terminals);
    }

    /// <summary>The same model, stores and terminals, asked through another app (on the same database, after a restart).</summary>
    public RolloutFleet On(FleetOpsApp app) => new(app, Model, Stores, Terminals);

    public Task<HttpResponseMessage> PostRolloutAsync(JsonArray waves, int? haltWhenFailedPercent = null, int? advanceWhenInstalledPercent = null,
        string appVersion = "3.3.0", string? model = null, HttpClient? client = null) =>
        (client ?? _app.CreateAdminClient()).PostAsJsonAsync("/api/v1/software/rollouts", new JsonObject
        {
            ["model"] = model ?? Model, ["appVersion"] = appVersion, ["firmwareVersion"] = null, ["waves"] = waves,
            ["haltWhenFailedPercent"] = haltWhenFailedPercent, ["advanceWhenInstalledPercent"] = advanceWhenInstalledPercent,
        });

    public async Task<long> CreateRolloutAsync(JsonArray waves, int? haltWhenFailedPercent = null, int? advanceWhenInstalledPercent = null)
    {
        var response = await PostRolloutAsync(waves, haltWhenFailedPercent, advanceWhenInstalledPercent);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await Expect.JsonObjectAsync(response))["id"]!.GetValue<long>();
    }

    public async Task<JsonObject> GetRolloutAsync(long id, HttpClient? client = null)
    {
        var response = await (client ?? _app.CreateAdminClient()).GetAsync($"/api/v1/software/rollouts/{id}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public Task<HttpResponseMessage> CommandAsync(long id, string verb, HttpClient? client = null) =>
        (client ?? _app.CreateAdminClient()).PostAsync($"/api/v1/software/rollouts/{id}/{verb}", null);

    /// <summary>The directives the terminal gets with its next heartbeat.</summary>
    public async Task<JsonObject> DirectivesAsync((string Id, string Key, string Store) terminal) =>
        (await _app.PostAcceptedAsync(terminal.Key, terminal.Id, Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow.AddSeconds(-1), appVersion: "3.2.0")))
            ["directives"]!.AsObject();

    public Task ReportAsync((string Id, string Key, string Store) terminal, string state, string version = "3.3.0") =>
        _app.PostAcceptedAsync(terminal.Key, terminal.Id, Software(Ids.New("sw"), DateTimeOffset.UtcNow.AddSeconds(-1), state, version, state == "failed" ? "install failed" : null));

    public static JsonArray Waves(params JsonObject[] waves) => new(waves);

    public static JsonObject StoresWave(params string[] stores) => new() { ["stores"] = new JsonArray(stores.Select(s => (JsonNode)s).ToArray()) };

    public static JsonObject PercentWave(int percent) => new() { ["percent"] = percent };
}
