using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// An open page whose user was signed out on another device goes to sign-in with the reason the sign-in page explains;
/// a signed-in user refused one page is sent there without it (their session has not ended).
/// </summary>
public sealed class RedirectToSignInTests : FleetComponentTest
{
    private string Address => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void A_circuit_that_lost_its_user_goes_to_sign_in_saying_the_session_ended()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("terminals");
        SignOut();

        Render<RedirectToSignIn>();

        Assert.Equal($"http://localhost/account/signin?returnUrl=%2Fterminals&reason={IdentitySetup.SessionEndedReason}", Address);
    }

    [Fact]
    public void A_signed_in_user_refused_a_page_goes_to_sign_in_without_a_reason()
    {
        SignInAsTechnician();
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/users");

        Render<RedirectToSignIn>();

        Assert.Equal("http://localhost/account/signin?returnUrl=%2Fadmin%2Fusers", Address);
    }
}
