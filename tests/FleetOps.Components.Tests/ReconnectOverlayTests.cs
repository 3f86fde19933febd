using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Layout;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11: the page's own reconnect overlay, in the page's language, with the slots Blazor fills in.</summary>
public sealed class ReconnectOverlayTests : FleetComponentTest
{
    [Fact]
    public void In_Chinese_it_says_the_connection_is_lost_and_keeps_Blazors_attempt_counters_inside_the_sentence()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<ReconnectOverlay>();

        Assert.Equal("components-reconnect-modal", cut.Find("dialog").Id);
        Assert.Contains("与 FleetOps 的连接已断开", cut.Find("h2").TextContent);
        var attempt = cut.Find(".fo-reconnect-attempt");
        var html = attempt.InnerHtml;
        Assert.InRange(html.IndexOf("第", StringComparison.Ordinal), 0, html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal));
        Assert.InRange(html.IndexOf("次尝试，共", StringComparison.Ordinal), html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal),
            html.IndexOf("components-reconnect-max-retries", StringComparison.Ordinal));
        Assert.Equal("重试", cut.Find("[data-reconnect-action=retry]").TextContent.Trim());
    }

    [Fact]
    public void In_English_the_counters_come_in_English_word_order()
    {
        var cut = Render<ReconnectOverlay>();

        var attempt = cut.Find(".fo-reconnect-attempt");
        var html = attempt.InnerHtml;
        Assert.True(html.IndexOf("Attempt", StringComparison.Ordinal) < html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal));
        Assert.True(html.IndexOf("components-reconnect-current-attempt", StringComparison.Ordinal) < html.IndexOf(" of ", StringComparison.Ordinal));
        Assert.Equal("Try again", cut.Find("[data-reconnect-action=retry]").TextContent.Trim());
    }
}
