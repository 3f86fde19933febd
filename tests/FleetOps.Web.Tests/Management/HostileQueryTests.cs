using System.Net;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// Route values and query strings the API never expected: a 4xx or an empty answer, never a 5xx, never an echo of a card
/// number. A NUL in the path ("%00") cannot be sent here: Kestrel answers it with 400 before FleetOps sees the request,
/// and the in-memory test server refuses to build it at all.
/// </summary>
public sealed class HostileQueryTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Theory]
    [InlineData("%FF")]
    [InlineData("%ED%A0%80")]
    [InlineData("%C0%AF")]
    [InlineData("%E2%80%AE1-T")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("%252e%252e")]
    [InlineData("4111111111111111")]
    [InlineData("4111%201111%201111%201111")]
    [InlineData("%0D%0ASet-Cookie:%20x=1")]
    [InlineData("%F0%9F%92%B3")]
    public async Task A_strange_terminal_id_in_the_path_is_404_without_echoing_a_card_number(string escaped)
    {
        using var client = app.CreateAdminClient();

        using var response = await client.GetAsync($"/api/v1/terminals/{escaped}");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("4111", problem["detail"]?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("\0", problem["detail"]?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/terminals?search=%00")]
    [InlineData("/api/v1/terminals?search=%ED%A0%80&store=%FF")]
    [InlineData("/api/v1/terminals?store=,,,%00,")]
    [InlineData("/api/v1/terminals?page=2147483647&pageSize=500")]
    [InlineData("/api/v1/terminals?page=99999999999")]
    [InlineData("/api/v1/terminals?page=-1")]
    [InlineData("/api/v1/terminals?pageSize=abc")]
    [InlineData("/api/v1/terminals?connectivity=%00")]
    [InlineData("/api/v1/terminals?page=1&page=2")]
    [InlineData("/api/v1/transactions/unsettled?store=%ED%A0%80&reason=%00")]
    [InlineData("/api/v1/transactions/unsettled?page=2147483647&pageSize=1000")]
    [InlineData("/api/v1/transactions/unsettled.csv?store=4111111111111111&caseStatus=%FF")]
    [InlineData("/export/terminals.csv?search=%00&store=%C0%AF")]
    public async Task A_strange_query_string_is_answered_without_a_server_error(string url)
    {
        using var client = app.CreateAdminClient();

        using var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty_rather_than_the_first_page_again()
    {
        await app.NewTerminalAsync();

        var far = await app.ListTerminalsAsync("page=2147483647&pageSize=500");

        Assert.Empty(far["items"]!.AsArray());
    }
}
