using System.Net.Http.Headers;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>A person created for a test, with the password they sign in with.</summary>
public sealed record TestUser(string Id, string Email, string Password, string Role)
{
    public override string ToString() => $"{Role} {Email}";
}

/// <summary>Users, their scopes and their API tokens, made through the app's own services (as the admin pages do).</summary>
public static class People
{
    public const string Password = "Correct-Horse-2026";
    public const string Actor = "test-setup";

    public static async Task<TestUser> CreateUserAsync(this FleetOpsApp app, string role,
        string[]? regions = null, string[]? stores = null, string? email = null, string password = Password)
    {
        email ??= $"{Ids.New(role.ToLowerInvariant())}@fleetops.test";
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await administration.CreateAsync(
            new UserDraft(email, $"Test {role}", role, regions ?? [], stores ?? []), password, Actor);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var user = app.GetService<UserDirectory>().All.Single(u => u.Email == email);
        return new TestUser(user.UserId, email, password, role);
    }

    /// <summary>Changes a user's role and scope as an administrator would.</summary>
    public static async Task UpdateUserAsync(this FleetOpsApp app, TestUser user, string role, string[]? regions = null,
        string[]? stores = null, string actor = Actor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await administration.UpdateAsync(user.Id, new UserDraft(user.Email, $"Test {role}", role, regions ?? [], stores ?? []), actor);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public static async Task SetDisabledAsync(this FleetOpsApp app, TestUser user, bool disabled, string actor = Actor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await administration.SetDisabledAsync(user.Id, disabled, actor);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A new API token of <paramref name="user"/> (the secret, shown once) and its id; without a lifetime it never expires.</summary>
    public static async Task<(int Id, string Token)> CreateApiTokenAsync(this FleetOpsApp app, TestUser user, string name = "tests", TimeSpan? lifetime = null)
    {
        var (info, token) = await app.GetService<ApiTokenDirectory>().CreateAsync(user.Id, name, lifetime);
        return (info.Id, token);
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token and does not follow redirects.</summary>
    public static HttpClient CreateTokenClient(this FleetOpsApp app, string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with neither cookies nor a token, that does not follow redirects.</summary>
    public static HttpClient CreateAnonymousClient(this FleetOpsApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
