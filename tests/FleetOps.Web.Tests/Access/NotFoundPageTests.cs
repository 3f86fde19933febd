using System.Net;
using System.Net.Http.Headers;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// An address nothing answers: a browser gets the app itself (whose router then shows "no such page" in the frame, in the
/// reader's language — the E2E test sees that), not the API's problem document; an API client still gets the problem
/// document. Both keep the status 404.
/// </summary>
public sealed class NotFoundPageTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static HttpRequestMessage PageRequest(string path, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("zh-CN", "zh-CN")]
    public async Task A_browser_gets_the_app_in_its_language_with_the_status_kept(string? language, string lang)
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();
        // The browser speaks its language from the start: signing in keeps it as the person's language.
        if (language is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await browser.SignInAsync(user);

        using var response = await browser.SendAsync(PageRequest("/admin/no-such-page", language));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\"", page, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tools.ietf.org", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/export/no-such-thing.csv")]
    public async Task An_api_client_gets_the_problem_document_even_when_it_accepts_html(string path)
    {
        using var client = app.CreateAdminClient();

        using var response = await client.SendAsync(PageRequest(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
