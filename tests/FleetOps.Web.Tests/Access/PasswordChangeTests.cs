using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>The password form at /account/password.</summary>
public sealed class PasswordChangeTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string NewPassword = "Brand-New-Secret-77";

    [Fact]
    public async Task Changed_password_signs_in_and_the_old_one_no_longer_does()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["NONE"]);
        using var browser = await app.SignedInBrowserAsync(user);

        using var response = await ChangeAsync(browser, user.Password, NewPassword, NewPassword);

        Assert.Equal("/account/password?changed=1", Browser.LocationOf(response));
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.OK); // still signed in
        using var withOld = app.CreateBrowser();
        using var refused = await withOld.PostSignInAsync(user.Email, user.Password);
        Assert.StartsWith("/account/signin?error=invalid", Browser.LocationOf(refused), StringComparison.Ordinal);
        using var withNew = app.CreateBrowser();
        await withNew.SignInAsync(user with { Password = NewPassword });
        Assert.Single(await app.AuditAsync(AuditActions.PasswordChanged), r => r.Actor == user.Email);
    }

    [Theory]
    [InlineData("Wrong-current-password-1", NewPassword, NewPassword, "current")]
    [InlineData(People.Password, NewPassword, "Something-Else-88", "mismatch")]
    [InlineData(People.Password, "short", "short", "weak")]
    public async Task Rejected_change_keeps_the_old_password(string current, string next, string confirm, string error)
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);

        using var response = await ChangeAsync(browser, current, next, confirm);

        Assert.Equal($"/account/password?error={error}", Browser.LocationOf(response));
        using var again = app.CreateBrowser();
        await again.SignInAsync(user);
    }

    [Fact]
    public async Task The_current_password_again_is_refused_and_other_sessions_stay_signed_in()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);
        using var phone = await app.SignedInBrowserAsync(user);

        using var response = await ChangeAsync(browser, user.Password, user.Password, user.Password);

        Assert.Equal("/account/password?error=same", Browser.LocationOf(response));
        Assert.Contains("The new password must differ from the current one.", await browser.GetStringAsync("/account/password?error=same"), StringComparison.Ordinal);
        // A person whose browser speaks Chinese (signing in keeps it as their language) reads it in Chinese.
        var chineseUser = await app.CreateUserAsync(Roles.Technician);
        using var chineseBrowser = app.CreateBrowser();
        chineseBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        await chineseBrowser.SignInAsync(chineseUser);
        using var _ = await ChangeAsync(chineseBrowser, chineseUser.Password, chineseUser.Password, chineseUser.Password);
        Assert.Contains("新密码不能与当前密码相同。", WebUtility.HtmlDecode(await chineseBrowser.GetStringAsync("/account/password?error=same")), StringComparison.Ordinal);
        await Expect.StatusAsync(await phone.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        Assert.DoesNotContain(await app.AuditAsync(AuditActions.PasswordChanged), r => r.Actor == user.Email);
    }

    [Fact]
    public async Task Password_form_post_without_a_session_does_not_change_anything()
    {
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.PostAsync("/account/password", new FormUrlEncodedContent(
            [new("CurrentPassword", "x"), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.StatusCode == HttpStatusCode.Redirect && Browser.LocationOf(response).Contains("changed", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next, string confirm)
    {
        var response = await browser.PostFormAsync("/account/password", "/account/password",
            [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirm)]);
        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        return response;
    }
}
