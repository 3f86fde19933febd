using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// What a browser does with the static account pages: keeps cookies, reads the anti-forgery field of a form and posts
/// the form back. Redirects are not followed, so tests see where the server sends the browser. Each browser has its own
/// client address (see <see cref="RemoteAddressFromHeader"/>), so per-address sign-in limits of one test leave others alone.
/// </summary>
public static partial class Browser
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string AuthCookie = "fleetops.auth";

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("""<input[^>]*\bid="email"[^>]*>""")]
    private static partial Regex EmailInput();

    /// <summary>The value the sign-in page fills its e-mail field with, or null when it is empty.</summary>
    public static string? TypedEmail(string signInPage)
    {
        var value = ValueAttribute().Match(EmailInput().Match(signInPage).Value);
        return value.Success && value.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex HtmlLang();

    /// <summary>The language <paramref name="page"/> is shown in to this browser, as its &lt;html lang&gt; says (the page must answer 200).</summary>
    public static async Task<string> PageLanguageAsync(this HttpClient browser, string page)
    {
        using var response = await browser.GetAsync(page);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return HtmlLang().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    public static HttpClient CreateBrowser(this FleetOpsApp app, string? remoteAddress = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, remoteAddress ?? RemoteAddressFromHeader.NewAddress());
        return client;
    }

    /// <summary>GETs a page with a form and returns the value of its anti-forgery hidden input.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient browser, string page)
    {
        using var response = await browser.GetAsync(page);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var input = AntiforgeryInput().Match(html);
        Assert.True(input.Success, $"No {AntiforgeryField} input on {page}");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    /// <summary>Posts a form as the page's form would (with the page's anti-forgery token unless told otherwise).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string page, string action,
        IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true)
    {
        var values = fields.ToList();
        if (withAntiforgery) values.Add(new(AntiforgeryField, await browser.AntiforgeryTokenAsync(page)));
        return await browser.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Fills in and posts the sign-in form; returns the server's answer (a redirect, or 429/400).</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(this HttpClient browser, string email, string password,
        string returnUrl = "/", bool withAntiforgery = true) =>
        browser.PostFormAsync("/account/signin", "/account/signin",
            [new("Email", email), new("Password", password), new("ReturnUrl", returnUrl)], withAntiforgery);

    /// <summary>Signs in through the form and checks that the server sends the browser on to the return URL.</summary>
    public static async Task SignInAsync(this HttpClient browser, TestUser user, string returnUrl = "/")
    {
        using var response = await browser.PostSignInAsync(user.Email, user.Password, returnUrl);
        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.Equal(returnUrl, LocationOf(response));
    }

    /// <summary>A new browser signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this FleetOpsApp app, TestUser user)
    {
        var browser = app.CreateBrowser();
        await browser.SignInAsync(user);
        return browser;
    }

    /// <summary>
    /// Signs in as <paramref name="user"/> and returns the Cookie header the browser would send from then on, for a client
    /// that is not a browser (a hub connection) or for another app on the same database (a restart).
    /// </summary>
    public static async Task<string> SignedInCookieAsync(this FleetOpsApp app, TestUser user)
    {
        var site = new Uri("http://localhost/");
        var jar = new CookieContainer();
        using var browser = app.CreateDefaultClient(site, new CookieContainerHandler(jar));
        browser.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, RemoteAddressFromHeader.NewAddress());
        await browser.SignInAsync(user);
        return jar.GetCookieHeader(site);
    }

    /// <summary>
    /// A client that sends the sign-in cookie <paramref name="signIn"/> set — a copy, as someone who took it from the
    /// browser would hold — and keeps no cookies of its own.
    /// </summary>
    public static HttpClient CreateCookieCopy(this FleetOpsApp app, HttpResponseMessage signIn)
    {
        var cookies = signIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    /// <summary>
    /// The Location of a redirect: a path with query ("/account/signin?error=invalid&amp;…") when it stays on the site,
    /// the whole address when it leaves it.
    /// </summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"No Location header on {(int)response.StatusCode}");
        return location.IsAbsoluteUri && location.Host == "localhost" ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Whether a response sends the browser to the sign-in page.</summary>
    public static bool RedirectsToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && LocationOf(response).StartsWith("/account/signin", StringComparison.OrdinalIgnoreCase);
}
