using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>The audit table records who changed people and settings, and nothing over HTTP can change or remove it.</summary>
public sealed class AuditTrailTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task User_creation_role_change_and_disable_are_recorded_with_the_actor()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["S-1"]);

        await app.UpdateUserAsync(user, Roles.RegionalManager, regions: ["North"], actor: "boss@fleetops.test");
        await app.SetDisabledAsync(user, disabled: true, actor: "boss@fleetops.test");

        var rows = (await app.AuditAsync()).Where(r => r.Target == user.Email).ToList();
        Assert.Equal(new[] { AuditActions.UserCreated, AuditActions.UserChanged, AuditActions.UserDisabled }, rows.Select(r => r.Action));
        Assert.Equal(new[] { People.Actor, "boss@fleetops.test", "boss@fleetops.test" }, rows.Select(r => r.Actor));
        Assert.StartsWith("Store manager · ", rows[0].Details, StringComparison.Ordinal);
        Assert.StartsWith("Regional manager · regions: ", rows[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("=", rows[1].Details, StringComparison.Ordinal);
        Assert.Equal("Regional manager · regions: North", rows[1].Details);
    }

    [Fact]
    public async Task Management_api_changes_are_recorded_with_the_token_owner_and_address()
    {
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        var (_, token) = await app.CreateApiTokenAsync(administrator);
        using var client = app.CreateTokenClient(token);
        var address = RemoteAddressFromHeader.NewAddress();
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, address);
        var store = Ids.New("S");
        var terminal = Ids.New("T");
        var model = Ids.New("M");

        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/stores", new { code = store, name = "Audited", region = "East", timeZone = "Asia/Shanghai" }), HttpStatusCode.Created);
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId = terminal, storeCode = store, model = "A920" }), HttpStatusCode.Created);
        await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/software/targets/{model}", new { appVersion = "3.3.0", firmwareVersion = "1.9.0" }), HttpStatusCode.OK);

        var rows = await app.AuditAsync();
        Assert.Single(rows, r => (r.Action, r.Target, r.Actor, r.RemoteAddress) == (AuditActions.StoreCreated, store, administrator.Email, address));
        Assert.Single(rows, r => (r.Action, r.Target, r.Actor, r.RemoteAddress) == (AuditActions.TerminalRegistered, terminal, administrator.Email, address));
        var target = Assert.Single(rows, r => (r.Action, r.Target, r.Actor, r.RemoteAddress) == (AuditActions.SoftwareTargetSet, model, administrator.Email, address));
        Assert.Contains("3.3.0", target.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Details?.Contains(token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Bootstrap_token_changes_are_recorded_as_the_bootstrap_token()
    {
        var model = Ids.New("M");

        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0");

        Assert.Single(await app.AuditAsync(AuditActions.SoftwareTargetSet), r => r.Target == model && r.Actor == AccessResolver.BootstrapName);
    }

    [Fact]
    public async Task Refused_change_is_not_recorded_as_done()
    {
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: ["S-1"]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);
        var model = Ids.New("M");

        await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/software/targets/{model}", new { appVersion = "3.3.0", firmwareVersion = "1.9.0" }), HttpStatusCode.Forbidden);

        Assert.DoesNotContain(await app.AuditAsync(), r => r.Target == model);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/audit")]
    [InlineData("DELETE", "/api/v1/audit/1")]
    [InlineData("PUT", "/api/v1/audit/1")]
    [InlineData("PATCH", "/api/v1/audit/1")]
    [InlineData("DELETE", "/api/v1/audit-entries/1")]
    [InlineData("DELETE", "/admin/audit")]
    [InlineData("PUT", "/admin/audit")]
    [InlineData("DELETE", "/audit/1")]
    public async Task No_http_endpoint_changes_or_deletes_audit_rows(string method, string path)
    {
        await app.SetSoftwareTargetAsync(Ids.New("M"), "3.3.0", "1.9.0"); // at least one row
        var before = await app.AuditAsync();
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        using var browser = await app.SignedInBrowserAsync(administrator);
        using var tokenClient = app.CreateAdminClient();

        foreach (var client in new[] { browser, tokenClient })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { actor = "someone else" }) };
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest,
                $"{method} {path}: {(int)response.StatusCode}");
        }

        var after = await app.AuditAsync();
        Assert.Equal(before, after.Take(before.Count));
    }
}
