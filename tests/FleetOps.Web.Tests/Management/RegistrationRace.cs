using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// Many administrators (or one retrying script) registering the same thing at once, on whichever database the app
/// runs on: exactly one 201, every other request 409, never a 500, one row and one audit line. Given several apps on
/// one database (nodes of one deployment), the requests alternate between them: the in-process gate cannot help there,
/// and the database's unique index must turn the loser's insert into a 409.
/// </summary>
public static class RegistrationRace
{
    public const int Requests = 50;

    /// <summary>Posts all bodies at once (released together), spread over the nodes in turn, and returns the status codes.</summary>
    public static async Task<IReadOnlyList<HttpStatusCode>> PostAllAtOnceAsync(IReadOnlyList<FleetOpsApp> nodes, string path, IEnumerable<object> bodies)
    {
        var clients = nodes.Select(n => n.CreateAdminClient()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = bodies.Select(async (body, i) =>
        {
            await start.Task;
            using var response = await clients[i % clients.Count].PostAsJsonAsync(path, body);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(posts);
        clients.ForEach(c => c.Dispose());
        return statuses;
    }

    /// <summary>Registers one new terminal id in <paramref name="store"/> (known to every node) fifty times at once.</summary>
    public static async Task OneTerminalIdWinsAsync(string store, params FleetOpsApp[] nodes)
    {
        var app = nodes[0];
        var terminal = Ids.New("T");

        var statuses = await PostAllAtOnceAsync(nodes, "/api/v1/terminals",
            Enumerable.Range(0, Requests).Select(i => new { terminalId = terminal, storeCode = store, model = "A920", serialNumber = $"SN-{i}" }));

        AssertOneWinner(statuses);
        await AssertListedOnceAsync(nodes, $"/api/v1/terminals?store={store}", "terminalId", terminal);
        Assert.Single(await AuditOnAsync(app, AuditActions.TerminalRegistered), r => r.Target == terminal);
    }

    /// <summary>
    /// Fifty requests for one new store code; on one node in three spellings. Across nodes only one spelling: two nodes
    /// told "SH-1" and "sh-1" at the same instant would each find neither (no case-insensitive index without a migration).
    /// </summary>
    public static async Task OneStoreCodeWinsWhateverTheCaseAsync(params FleetOpsApp[] nodes)
    {
        var app = nodes[0];
        var code = Ids.New("SH").ToUpperInvariant();
        string[] spellings = nodes.Length > 1 ? [code] : [code, code.ToLowerInvariant(), code[..1] + code[1..].ToLowerInvariant()];

        var statuses = await PostAllAtOnceAsync(nodes, "/api/v1/stores",
            Enumerable.Range(0, Requests).Select(i => new { code = spellings[i % spellings.Length], name = $"Store {i}", region = "East", timeZone = "Asia/Shanghai" }));

        AssertOneWinner(statuses);
        await AssertListedOnceAsync(nodes, "/api/v1/stores", "code", code);
        Assert.Single(await AuditOnAsync(app, AuditActions.StoreCreated), r => string.Equals(r.Target, code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every node lists the thing at most once (whatever the spelling), and the node that registered it lists it. Nodes keep
    /// their own in-memory fleet and directory, filled at start-up: a node does not list what another registered since.
    /// </summary>
    private static async Task AssertListedOnceAsync(IReadOnlyList<FleetOpsApp> nodes, string path, string key, string value)
    {
        var listed = new List<int>();
        foreach (var node in nodes)
        {
            using var client = node.CreateAdminClient();
            var page = await client.GetFromJsonAsync<JsonObject>(path);
            listed.Add(page!["items"]!.AsArray().Count(i => string.Equals(Expect.Wire(i![key]), value, StringComparison.OrdinalIgnoreCase)));
        }
        Assert.True(listed.All(n => n <= 1) && listed.Sum() >= 1, $"{path} lists {value} on each node: {string.Join(", ", listed)} times");
    }

    private static void AssertOneWinner(IReadOnlyList<HttpStatusCode> statuses)
    {
        var counts = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var seen = string.Join(", ", counts.Select(c => $"{(int)c.Key}×{c.Value}"));
        Assert.True(counts.GetValueOrDefault(HttpStatusCode.Created) == 1 && counts.GetValueOrDefault(HttpStatusCode.Conflict) == Requests - 1,
            $"Expected 1×201 and {Requests - 1}×409, got {seen}");
    }

    /// <summary>The audit table on SQLite is read from the file; on PostgreSQL through the app's own log.</summary>
    private static async Task<IReadOnlyList<AuditRow>> AuditOnAsync(FleetOpsApp app, string action)
    {
        if (File.Exists(app.DatabasePath)) return await app.AuditAsync(action);
        var (entries, _) = await app.GetService<AuditLog>().PageAsync(null, action, 0, 1000);
        return entries.Select((e, i) => new AuditRow(i, e.Actor, e.Action, e.Target, e.Details, e.RemoteAddress)).ToList();
    }
}
