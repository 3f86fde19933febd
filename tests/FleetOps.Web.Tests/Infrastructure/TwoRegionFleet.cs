using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Security;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// An app of its own with a fleet in two regions and one person per role:
/// East (stores E1: terminals M-E1-A, M-E1-B; E2: M-E2-A), North (N1: M-N1-A), and an empty store W1 in West
/// for what administrators create during tests. Each person has an API token; cookie sessions are signed in on
/// first use through the real sign-in form. Nothing else is created in this app, so lists can be compared exactly.
/// </summary>
public sealed class TwoRegionFleet : IAsyncLifetime
{
    public const string E1 = "E1", E2 = "E2", N1 = "N1", W1 = "W1";
    public const string E1A = "M-E1-A", E1B = "M-E1-B", E2A = "M-E2-A", N1A = "M-N1-A";

    public const string Administrator = "Administrator";
    public const string RegionalManagerEast = "RegionalManager(East)";
    public const string StoreManagerE1 = "StoreManager(E1)";
    public const string TechnicianN1 = "Technician(N1)";
    public const string Anonymous = "Anonymous";

    public static readonly string[] People = [Administrator, RegionalManagerEast, StoreManagerE1, TechnicianN1];
    public static readonly string[] AllTerminals = [E1A, E1B, E2A, N1A];

    private readonly Dictionary<string, TestUser> _users = [];
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, string> _keys = [];
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _clientsGate = new(1, 1);

    public FleetOpsApp App { get; } = new();

    /// <summary>The terminals each person may see.</summary>
    public static IReadOnlyList<string> TerminalsOf(string person) => person switch
    {
        Administrator => AllTerminals,
        RegionalManagerEast => [E1A, E1B, E2A],
        StoreManagerE1 => [E1A, E1B],
        TechnicianN1 => [N1A],
        _ => [],
    };

    /// <summary>The stores each person may see.</summary>
    public static IReadOnlyList<string> StoresOf(string person) => person switch
    {
        Administrator => [E1, E2, N1, W1],
        RegionalManagerEast => [E1, E2],
        StoreManagerE1 => [E1],
        TechnicianN1 => [N1],
        _ => [],
    };

    public static string StoreOf(string terminalId) => terminalId.Split('-')[1];

    public TestUser User(string person) => _users[person];

    public string Token(string person) => _tokens[person];

    public string KeyOf(string terminalId) => _keys[terminalId];

    /// <summary>
    /// A client for <paramref name="person"/> using <paramref name="via"/>: "cookie" (signed in through the form),
    /// "token" (their API token) or "none" (anonymous). Clients are kept for the fixture's life.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string person, string via)
    {
        var key = $"{person}/{via}";
        await _clientsGate.WaitAsync();
        try
        {
            if (_clients.TryGetValue(key, out var existing)) return existing;
            var client = via switch
            {
                "cookie" => await App.SignedInBrowserAsync(User(person)),
                "token" => App.CreateTokenClient(Token(person)),
                "none" => App.CreateAnonymousClient(),
                _ => throw new ArgumentOutOfRangeException(nameof(via), via, "cookie, token or none"),
            };
            _clients[key] = client;
            return client;
        }
        finally
        {
            _clientsGate.Release();
        }
    }

    public async Task InitializeAsync()
    {
        using var admin = App.CreateAdminClient();
        foreach (var (code, region) in new[] { (E1, "East"), (E2, "East"), (N1, "North"), (W1, "West") })
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/stores", new { code, name = $"Store {code}", region, timeZone = "Asia/Shanghai" });
            await Expect.StatusAsync(response, HttpStatusCode.Created);
        }
        foreach (var terminal in AllTerminals)
        {
            _keys[terminal] = await App.RegisterTerminalAsync(terminal, StoreOf(terminal));
        }
        _users[Administrator] = await App.CreateUserAsync(Roles.Administrator);
        _users[RegionalManagerEast] = await App.CreateUserAsync(Roles.RegionalManager, regions: ["East"]);
        _users[StoreManagerE1] = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        _users[TechnicianN1] = await App.CreateUserAsync(Roles.Technician, stores: [N1]);
        foreach (var person in People)
        {
            _tokens[person] = (await App.CreateApiTokenAsync(_users[person])).Token;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clientsGate.Dispose();
        await App.DisposeAsync();
    }
}
