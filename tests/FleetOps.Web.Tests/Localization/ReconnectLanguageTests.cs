using System.Net;
using System.Text.RegularExpressions;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// The reconnect overlay is static markup outside the circuit: a language chosen later in the user menu cannot render it
/// again. So a page carries it in each language, and the style sheet shows the one of &lt;html lang&gt; (which the switch
/// updates) — a page loaded in English and switched to Chinese loses its connection in Chinese.
/// </summary>
public sealed class ReconnectLanguageTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_page_loaded_in_English_carries_the_overlay_in_Chinese_too_with_Blazors_counters_once()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));

        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fo-reconnect-text\" lang=\"en\">Connection to FleetOps lost</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fo-reconnect-text\" lang=\"zh-CN\">与 FleetOps 的连接已断开</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fo-reconnect-text\" lang=\"zh-CN\">重试</span>", page, StringComparison.Ordinal);
        Assert.Single(Id("components-reconnect-current-attempt").Matches(page));
        Assert.Single(Id("components-reconnect-max-retries").Matches(page));
        Assert.Equal(SupportedCultures.Names.Count, page.Split("data-reconnect-slot=\"current-attempt\"").Length - 1);
    }

    [Fact]
    public async Task The_style_sheet_hides_the_overlays_texts_but_those_in_the_pages_language()
    {
        using var client = app.CreateClient();

        var css = Regex.Replace(await client.GetStringAsync("/css/app.css"), @"\s+", " ");

        Assert.Contains(".fo-reconnect-text { display: none; }", css, StringComparison.Ordinal);
        foreach (var language in SupportedCultures.Names)
        {
            Assert.Matches($@"html\[lang=""{language}""\] \.fo-reconnect-text\[lang=""{language}""\][^{{]*\{{ display: inline; \}}", css);
        }
    }

    private static Regex Id(string id) => new($"\\bid=\"{id}\"");
}
