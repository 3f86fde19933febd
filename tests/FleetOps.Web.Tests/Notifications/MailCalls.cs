using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>A person's own e-mail notifications through <c>/api/v1/me/notifications</c>, with an API token of their own.</summary>
public static class MailCalls
{
    /// <summary>A new person of <paramref name="role"/> for <paramref name="stores"/>, reading in <paramref name="culture"/>, with e-mail turned on.</summary>
    public static async Task<TestUser> MailReaderAsync(this FleetOpsApp app, string role, string[] stores, string culture = "en",
        string minSeverity = "info", string[]? kinds = null)
    {
        var user = await app.CreateUserAsync(role, stores: stores);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCultureAsync(user.Id, culture);
            Assert.True(result.Succeeded);
        }
        using var response = await app.PutMailAsync(user, new { enabled = true, kinds = kinds ?? [], minSeverity });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return user;
    }

    public static async Task<HttpResponseMessage> PutMailAsync(this FleetOpsApp app, TestUser user, object body)
    {
        using var client = await app.ClientOfAsync(user);
        return await client.PutAsJsonAsync("/api/v1/me/notifications", body);
    }

    public static async Task<JsonArray> MailLogAsync(this FleetOpsApp app, TestUser user)
    {
        using var client = await app.ClientOfAsync(user);
        using var response = await client.GetAsync("/api/v1/me/notifications/deliveries");
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray();
    }

    public static async Task<HttpClient> ClientOfAsync(this FleetOpsApp app, TestUser user) =>
        app.CreateTokenClient((await app.CreateApiTokenAsync(user)).Token);
}
