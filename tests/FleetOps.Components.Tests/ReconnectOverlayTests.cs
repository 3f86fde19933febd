using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Layout;

namespace FleetOps.Components.Tests;

/// <summary>
/// Issue 11: the page's own reconnect overlay, with the slots Blazor fills in. It is static markup outside the circuit, so
/// it holds every text in each language (css/app.css shows the one of &lt;html lang&gt;, which a switch in the user menu
/// updates): a page loaded in one language and switched to the other still loses its connection in the second.
/// </summary>
public sealed class ReconnectOverlayTests : FleetComponentTest
{
    [Fact]
    public void Each_text_is_there_in_both_languages_marked_with_its_lang()
    {
        var cut = Render<ReconnectOverlay>();

        Assert.Equal("components-reconnect-modal", cut.Find("dialog").Id);
        Assert.Equal("Connection to FleetOps lost", Text(cut, "h2", "en"));
        Assert.Contains("与 FleetOps 的连接已断开", Text(cut, "h2", "zh-CN"));
        Assert.Equal("Try again", Text(cut, "[data-reconnect-action=retry]", "en"));
        Assert.Equal("重试", Text(cut, "[data-reconnect-action=retry]", "zh-CN"));
        Assert.Empty(cut.FindAll(".fo-reconnect-text:not([lang=en]):not([lang=zh-CN])"));
    }

    [Fact]
    public void In_Chinese_Blazors_counters_are_inside_the_Chinese_sentence_and_the_English_one_has_slots_for_a_copy()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<ReconnectOverlay>();

        var chinese = Attempt(cut, "zh-CN");
        Assert.InRange(chinese.IndexOf("第", StringComparison.Ordinal), 0, chinese.IndexOf("id=\"components-reconnect-current-attempt\"", StringComparison.Ordinal));
        Assert.InRange(chinese.IndexOf("次尝试，共", StringComparison.Ordinal), chinese.IndexOf("id=\"components-reconnect-current-attempt\"", StringComparison.Ordinal),
            chinese.IndexOf("id=\"components-reconnect-max-retries\"", StringComparison.Ordinal));
        var english = Attempt(cut, "en");
        Assert.DoesNotContain("id=", english);
        Assert.True(english.IndexOf("Attempt", StringComparison.Ordinal) < english.IndexOf("data-reconnect-slot=\"current-attempt\"", StringComparison.Ordinal));
        Assert.Single(cut.FindAll("#components-reconnect-current-attempt"));
        Assert.Single(cut.FindAll("#components-reconnect-max-retries"));
    }

    [Fact]
    public void In_English_the_counters_come_in_English_word_order()
    {
        var cut = Render<ReconnectOverlay>();

        var html = Attempt(cut, "en");
        Assert.True(html.IndexOf("Attempt", StringComparison.Ordinal) < html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal));
        Assert.True(html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal) < html.IndexOf(" of ", StringComparison.Ordinal));
        Assert.DoesNotContain("id=", Attempt(cut, "zh-CN"));
    }

    private static string Text(IRenderedComponent<ReconnectOverlay> cut, string selector, string lang) =>
        cut.Find($"{selector} .fo-reconnect-text[lang={lang}]").TextContent.Trim();

    private static string Attempt(IRenderedComponent<ReconnectOverlay> cut, string lang) =>
        cut.Find($".fo-reconnect-attempt .fo-reconnect-text[lang={lang}]").InnerHtml;
}
