using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// PROTOCOL.md §10: a page's language is the user's saved choice, else the culture cookie a switch wrote, else the
/// browser's Accept-Language, else FleetOps:DefaultCulture (zh-CN here, as shipped). The page says it in &lt;html lang&gt;.
/// </summary>
public sealed class CultureOrderTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Settings = new Dictionary<string, string?> { ["FleetOps:DefaultCulture"] = "zh-CN" },
    });

    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("fr-FR", "zh-CN")]
    [InlineData("zh-TW,en;q=0.5", "en")]
    [InlineData("fr, en;q=0.1, zh-CN;q=0.2", "zh-CN")]
    public async Task The_sign_in_page_follows_the_browser_else_the_default(string? acceptLanguage, string expected)
    {
        using var browser = _app.CreateBrowser();
        if (acceptLanguage is not null) browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        Assert.Equal(expected, await browser.PageLanguageAsync("/account/signin"));
    }

    [Fact]
    public async Task The_culture_cookie_beats_the_browser()
    {
        using var browser = _app.CreateBrowser();
        browser.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        browser.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Equal("en", await browser.PageLanguageAsync("/account/signin"));
    }

    [Fact]
    public async Task A_signed_in_users_own_choice_beats_the_browser_and_the_default()
    {
        var user = await _app.CreateUserAsync(Roles.Administrator);
        using var browser = _app.CreateBrowser();
        browser.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        await browser.SignInAsync(user);
        Assert.Equal("zh-CN", await browser.PageLanguageAsync("/"));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCultureAsync(user.Id, "en");
            Assert.True(saved.Succeeded);
        }
        Assert.Equal("en", await browser.PageLanguageAsync("/"));
        // Saved in the database too: a restarted server reads it back with the users.
        await _app.GetService<UserDirectory>().LoadAsync();
        Assert.Equal("en", _app.GetService<UserDirectory>().Get(user.Id)?.Culture);
    }

    [Theory]
    [InlineData("zh-CN", "门店代码“{0}”已存在。")]
    [InlineData("en-US", "A store with code '{0}' already exists.")]
    [InlineData(null, "A store with code '{0}' already exists.")]
    public async Task Problem_details_keep_English_type_and_title_and_put_detail_in_the_asked_language(string? acceptLanguage, string detail)
    {
        var code = await _app.CreateStoreAsync(Ids.New("S"));
        using var client = _app.CreateAdminClient();
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code, name = "Again", region = "East", timeZone = "Asia/Shanghai" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Store exists", problem.GetProperty("title").GetString());
        Assert.StartsWith("https://", problem.GetProperty("type").GetString());
        Assert.Equal(string.Format(detail, code), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public void A_default_culture_FleetOps_does_not_speak_stops_the_start()
    {
        using var app = FleetOpsApp.Create(new FleetOpsAppOptions { Settings = new Dictionary<string, string?> { ["FleetOps:DefaultCulture"] = "fr-FR" } });
        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("FleetOps:DefaultCulture must be one of zh-CN, en (was fr-FR)", refused.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
