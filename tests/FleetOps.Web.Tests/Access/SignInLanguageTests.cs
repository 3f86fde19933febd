using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// Signing in keeps the language the sign-in page was shown in for a person who has none saved, so their e-mail (which has
/// no browser to ask) is in the language they read FleetOps in, not the server's default; a saved choice is left alone.
/// </summary>
public sealed class SignInLanguageTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_person_without_a_saved_language_keeps_the_one_their_browser_asks_for()
    {
        var user = await app.CreateUserAsync(Roles.Technician); // this app's default language is English
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        await browser.SignInAsync(user);

        Assert.Equal("zh-CN", SavedLanguage(user));
    }

    [Fact]
    public async Task A_saved_language_is_not_changed_by_signing_in_from_a_browser_that_asks_for_another()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCultureAsync(user.Id, "en")).Succeeded);
        }
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        await browser.SignInAsync(user);

        Assert.Equal("en", SavedLanguage(user));
    }

    private string? SavedLanguage(TestUser user) => app.Services.GetRequiredService<UserDirectory>().Get(user.Id)?.Culture;
}
