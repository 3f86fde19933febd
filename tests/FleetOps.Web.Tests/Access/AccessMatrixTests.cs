using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// Each role × each page, API call and export, with a cookie session and with the person's API token: allowed, or
/// 401/403/404/redirect; lists and exports hold exactly the terminals and stores of the person's scope.
/// </summary>
public sealed class AccessMatrixTests(TwoRegionFleet world) : IClassFixture<TwoRegionFleet>
{
    [Theory]
    [MemberData(nameof(AccessMatrixRows.All), MemberType = typeof(AccessMatrixRows))]
    public async Task Answer_depends_on_role_and_scope(string who, string via, string request, int status, string? items)
    {
        var client = await world.ClientAsync(who, via);
        var (method, path) = (new HttpMethod(request.Split(' ')[0]), request.Split(' ')[1]);
        using var message = new HttpRequestMessage(method, path) { Content = BodyFor(method, path) };

        using var response = await client.SendAsync(message);

        await Expect.StatusAsync(response, (HttpStatusCode)status);
        if (status == 302)
        {
            Assert.True(Browser.RedirectsToSignIn(response), $"Expected a redirect to sign-in, got {Browser.LocationOf(response)}");
        }
        if (items is not null)
        {
            var listed = (await ListedAsync(path, response))
                .Where(id => !id.StartsWith("X-", StringComparison.Ordinal)) // made by the administrator rows of this matrix
                .Order(StringComparer.Ordinal);
            Assert.Equal(items, string.Join(' ', listed));
        }
    }

    /// <summary>What administrators create here goes to West (store W1), out of everyone else's scope.</summary>
    private static int s_people;

    private static HttpContent? BodyFor(HttpMethod method, string path) => (method.Method, path) switch
    {
        ("POST", "/api/v1/stores") => JsonContent.Create(new { code = Ids.New("X"), name = "Matrix store", region = "West", timeZone = "Asia/Shanghai" }),
        ("POST", "/api/v1/users") => JsonContent.Create(new
        {
            email = $"{Ids.New("x")}@fleetops.test", displayName = "Matrix person", role = "technician", stores = new[] { TwoRegionFleet.W1 },
            password = People.Password,
        }),
        ("POST", "/api/v1/terminals") => JsonContent.Create(new { terminalId = Ids.New("X"), storeCode = TwoRegionFleet.W1, model = "A920", serialNumber = "SN-X" }),
        ("POST", "/api/v1/workorders") => JsonContent.Create(new
        {
            storeCode = TwoRegionFleet.W1, title = "Matrix visit", kind = "inspection", dueAt = DateTimeOffset.UtcNow.AddDays(1), checklist = "terminal_inspection",
        }),
        ("POST", "/api/v1/maintenance/plans") => JsonContent.Create(new
        {
            name = "Matrix plan", storeCode = TwoRegionFleet.W1, checklist = "power_ups", every = new { count = 1, unit = "month" },
            startsOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), kind = "power", priority = "low",
        }),
        ("PUT", "/api/v1/checklists/matrix_check") => JsonContent.Create(new
        {
            title = "Matrix check", items = new[] { new { key = "a", label = "A", type = "check", required = true } },
        }),
        ("POST", _) when path.EndsWith("/staff", StringComparison.Ordinal) => JsonContent.Create(new
        {
            // A new person each time: the roster refuses a second entry of one name and role (a 409, not the access answer).
            // Numbered, not a GUID: a GUID's digits can pass the card-number rule now and then (a 400, not the access answer).
            name = $"Matrix cashier {Interlocked.Increment(ref s_people)}", role = "cashier", startedOn = "2026-01-05",
        }),
        ("PUT", _) when path.EndsWith("/emergency-plan", StringComparison.Ordinal) => JsonContent.Create(new
        {
            hotline = new { name = "Matrix acquirer", phone = "95516" },
        }),
        ("PUT", _) => JsonContent.Create(new { appVersion = "3.3.0", firmwareVersion = "1.9.0" }),
        _ => null,
    };

    /// <summary>Terminal ids of a terminal list or CSV export, store codes of the store list.</summary>
    private static async Task<IEnumerable<string>> ListedAsync(string path, HttpResponseMessage response)
    {
        if (path.StartsWith("/export/", StringComparison.Ordinal))
        {
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Terminal ID,", lines[0], StringComparison.Ordinal); // the test app reads English
            return lines.Skip(1).Select(line => line.Split(',')[0]).ToList();
        }
        var body = await Expect.JsonObjectAsync(response);
        var field = path.StartsWith("/api/v1/stores", StringComparison.Ordinal) ? "code" : "terminalId";
        var listed = body["items"]!.AsArray().Select(item => item![field]!.GetValue<string>()).ToList();
        Assert.Equal(listed.Count, body["total"]!.GetValue<int>());
        return listed;
    }
}
