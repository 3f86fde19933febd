using System.Net;
using FleetOps.Balancer;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// tools/FleetOps.Balancer in front of two nodes (each on a SQLite file of its own, so a store made on one is not on the
/// other and shows which node answered): a browser stays on its node, and a node that stops is out within seconds.
/// </summary>
public sealed class BalancerTests : IAsyncLifetime
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(10);
    private readonly ListeningApp _first = new();
    private readonly ListeningApp _second = new();
    private WebApplication _balancer = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _first.Start();
        _second.Start();
        _balancer = BalancerApp.Build(["--listen", "http://127.0.0.1:0", "--node", _first.Address.ToString(), "--node", _second.Address.ToString()]);
        await _balancer.StartAsync();
        _address = new Uri(_balancer.Urls.First());
        // Both nodes pass their first health probe before the tests begin.
        using var client = Client();
        await Eventually.MatchesAsync(() => AllAnswerAsync(client, "/health/ready"), all => all, "both nodes ready behind the balancer");
    }

    [Fact]
    public async Task A_browser_with_the_affinity_cookie_stays_on_its_node()
    {
        using var browser = Client(new CookieContainer());
        var store = Ids.New("S");
        await Expect.StatusAsync(await browser.GetAsync("/health/live"), HttpStatusCode.OK); // gets the cookie
        await Expect.StatusAsync(await browser.PostAsync("/api/v1/stores", Json($$"""{"code":"{{store}}","name":"Balanced","region":"East","timeZone":"Asia/Shanghai"}""")), HttpStatusCode.Created);

        // Round robin alone would send every second request to the node without the store.
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains(store, await browser.GetStringAsync("/api/v1/stores"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task When_a_node_stops_the_other_answers_every_request_within_seconds()
    {
        using var browser = Client(new CookieContainer());
        await Expect.StatusAsync(await browser.GetAsync("/health/live"), HttpStatusCode.OK);

        await _first.DisposeAsync();

        // Ten answers in a row from the node that is left: without the health probe, every second one would be a 502.
        await Eventually.MatchesAsync(() => AllAnswerAsync(browser, "/api/v1/stores"), all => all, "the stopped node to be out of the balancer", FailoverLimit);
    }

    /// <summary>Whether ten requests in a row are answered 200.</summary>
    private static async Task<bool> AllAnswerAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) return false;
        }
        return true;
    }

    private HttpClient Client(CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", FleetOpsApp.AdminToken);
        return client;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    public Task DisposeAsync() => Task.WhenAll(_balancer.DisposeAsync().AsTask(), _first.DisposeAsync().AsTask(), _second.DisposeAsync().AsTask());
}
