using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>GET /api/v1/terminals: filters and paging. Each test works in a store of its own.</summary>
public sealed class TerminalListTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Store_filter_returns_only_that_stores_terminals()
    {
        var (store, ids) = await StoreWithTerminalsAsync(3);
        await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));

        var list = await app.ListTerminalsAsync($"store={store}");

        Assert.Equal(3, list["total"]!.GetValue<int>());
        Assert.Equal(ids.Order(StringComparer.Ordinal), TerminalIds(list).Order(StringComparer.Ordinal));
        Assert.All(list["items"]!.AsArray(), item => Assert.Equal(store, Expect.Wire(item!["storeCode"])));
    }

    [Fact]
    public async Task Connectivity_filter_tells_online_from_never_heard_from()
    {
        var (store, ids) = await StoreWithTerminalsAsync(3);
        await app.PostAcceptedAsync(KeyOf(ids[0]), ids[0], Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1)));

        var online = await app.ListTerminalsAsync($"store={store}&connectivity=online");
        var unknown = await app.ListTerminalsAsync($"store={store}&connectivity=unknown");
        var offline = await app.ListTerminalsAsync($"store={store}&connectivity=offline");

        Assert.Equal(1, online["total"]!.GetValue<int>());
        Assert.Equal(new[] { ids[0] }, TerminalIds(online));
        Assert.Equal(2, unknown["total"]!.GetValue<int>());
        Assert.Equal(0, offline["total"]!.GetValue<int>());
        Assert.Empty(offline["items"]!.AsArray());
    }

    [Fact]
    public async Task Software_filter_finds_outdated_terminals()
    {
        var model = Ids.New("M");
        var (store, ids) = await StoreWithTerminalsAsync(2, model);
        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0");
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await app.PostAcceptedAsync(KeyOf(ids[0]), ids[0], Heartbeat("hb-1", now, appVersion: "3.2.0", firmwareVersion: "1.9.0"));
        await app.PostAcceptedAsync(KeyOf(ids[1]), ids[1], Heartbeat("hb-1", now, appVersion: "3.3.0", firmwareVersion: "1.9.0"));

        var outdated = await app.ListTerminalsAsync($"store={store}&software=outdated");
        var current = await app.ListTerminalsAsync($"store={store}&software=current");

        Assert.Equal(new[] { ids[0] }, TerminalIds(outdated));
        Assert.Equal(1, outdated["total"]!.GetValue<int>());
        Assert.Equal(new[] { ids[1] }, TerminalIds(current));
    }

    [Fact]
    public async Task Pages_split_the_items_and_total_counts_all_matches()
    {
        var (store, ids) = await StoreWithTerminalsAsync(5);

        var first = await app.ListTerminalsAsync($"store={store}&page=1&pageSize=2");
        var second = await app.ListTerminalsAsync($"store={store}&page=2&pageSize=2");
        var third = await app.ListTerminalsAsync($"store={store}&page=3&pageSize=2");
        var beyond = await app.ListTerminalsAsync($"store={store}&page=4&pageSize=2");

        Assert.All(new[] { first, second, third, beyond }, page => Assert.Equal(5, page["total"]!.GetValue<int>()));
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Equal(2, second["items"]!.AsArray().Count);
        Assert.Single(third["items"]!.AsArray());
        Assert.Empty(beyond["items"]!.AsArray());
        var all = TerminalIds(first).Concat(TerminalIds(second)).Concat(TerminalIds(third)).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(5, all.Distinct().Count());
    }

    [Theory]
    [InlineData("connectivity=sideways")]
    [InlineData("software=ancient")]
    [InlineData("power=nuclear")]
    [InlineData("pageSize=0")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    public async Task Invalid_filter_or_paging_value_is_400(string query)
    {
        using var client = app.CreateAdminClient();

        using var response = await client.GetAsync($"/api/v1/terminals?{query}");

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<(string Store, IReadOnlyList<string> Ids)> StoreWithTerminalsAsync(int count, string model = "A920")
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (id, key) = await app.NewTerminalAsync(store, model);
            _keys[id] = key;
            ids.Add(id);
        }
        return (store, ids);
    }

    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    private string KeyOf(string terminalId) => _keys[terminalId];

    private static List<string> TerminalIds(JsonObject list) =>
        list["items"]!.AsArray().Select(item => Expect.Wire(item!["terminalId"])).ToList();
}
