using FleetOps.Web.Notifications;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// Signing in keeps the language the sign-in page was shown in as the one the person last signed in with: their e-mail
/// (which has no browser to ask) is written in it until they choose one, not in the server's default. It is not their
/// choice: pages keep following each browser, so one sign-in from a colleague's browser does not decide every later page.
/// </summary>
public sealed class SignInLanguageTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_person_who_has_not_chosen_gets_mail_in_the_language_they_signed_in_with()
    {
        var user = await app.CreateUserAsync(Roles.Technician); // this app's default language is English
        using var browser = Browser("zh-CN,zh;q=0.9");

        await browser.SignInAsync(user);

        Assert.Equal("zh-CN", MailLanguage(user));
        Assert.Null(Access(user).Culture); // kept as the sign-in's language, not as a choice
    }

    [Fact]
    public async Task One_sign_in_from_a_Chinese_browser_does_not_turn_the_persons_pages_Chinese_in_their_own_English_browser()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using (var colleagues = Browser("zh-CN"))
        {
            await colleagues.SignInAsync(user);
            Assert.Equal("zh-CN", await colleagues.PageLanguageAsync("/"));
        }
        using var own = Browser("en-US,en;q=0.9");
        await own.SignInAsync(user);

        Assert.Equal("en", await own.PageLanguageAsync("/"));
        Assert.Equal("en", MailLanguage(user)); // the last sign-in's
    }

    [Fact]
    public async Task A_chosen_language_wins_over_the_browser_for_pages_and_over_the_last_sign_in_for_mail()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCultureAsync(user.Id, "en")).Succeeded);
        }
        using var browser = Browser("zh-CN");

        await browser.SignInAsync(user);

        Assert.Equal("en", Access(user).Culture);
        Assert.Equal("zh-CN", Access(user).SignInCulture);
        Assert.Equal("en", MailLanguage(user));
        Assert.Equal("en", await browser.PageLanguageAsync("/"));
    }

    [Fact]
    public async Task The_sign_in_language_is_saved_and_read_back_after_a_restart()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = Browser("zh-CN");
        await browser.SignInAsync(user);

        await app.GetService<UserDirectory>().LoadAsync();

        Assert.Equal("zh-CN", Access(user).SignInCulture);
    }

    private HttpClient Browser(string acceptLanguage)
    {
        var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return browser;
    }

    private UserAccess Access(TestUser user) => app.GetService<UserDirectory>().Get(user.Id)!;

    private string MailLanguage(TestUser user) => app.GetService<MailService>().LanguageOf(Access(user)).Name;
}
