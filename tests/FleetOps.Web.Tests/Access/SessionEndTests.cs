using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Access;

/// <summary>Sessions end when they should, and FleetOps cannot be left without an administrator.</summary>
public sealed class SessionEndTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions_on_their_next_request()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["NONE"]);
        using var laptop = await app.SignedInBrowserAsync(user);
        using var tablet = await app.SignedInBrowserAsync(user);
        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        using var changed = await laptop.PostFormAsync("/account/password", "/account/password",
            [new("CurrentPassword", user.Password), new("NewPassword", "Another-Secret-2027"), new("ConfirmPassword", "Another-Secret-2027")]);
        Assert.Equal("/account/password?changed=1", Browser.LocationOf(changed));

        await Expect.StatusAsync(await laptop.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_demoted()
    {
        // An app of its own, so that exactly one administrator exists.
        await using var own = new FleetOpsApp();
        var admin = await own.CreateUserAsync(Roles.Administrator);
        Assert.Equal(1, own.GetService<UserDirectory>().All.Count(u => u.IsAdministrator));
        await using var scope = own.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var disable = await administration.SetDisabledAsync(admin.Id, true, "test");
        var demote = await administration.UpdateAsync(admin.Id, new UserDraft(admin.Email, "x", Roles.Technician, [], []), "test");

        Assert.False(disable.Succeeded);
        Assert.False(demote.Succeeded);
        Assert.Equal(Roles.Administrator, own.GetService<UserDirectory>().Get(admin.Id)!.Role);
        Assert.False(own.GetService<UserDirectory>().Get(admin.Id)!.Disabled);

        var second = await own.CreateUserAsync(Roles.Administrator);
        Assert.True((await administration.SetDisabledAsync(admin.Id, true, "test")).Succeeded);
        Assert.False((await administration.SetDisabledAsync(second.Id, true, "test")).Succeeded);
    }
}
