using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Layout;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>Issue 10: pages in Simplified Chinese and English, and a switch of language that keeps the page as it was.</summary>
public sealed class LanguageTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public LanguageTests()
    {
        _popovers = Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        Register("S-1", "T-ON", "T-OFF", "T-NEW");
        Heartbeat("T-ON", TimeSpan.FromMinutes(2));
        HeardLongAgo("T-OFF");
    }

    [Fact]
    public void The_terminals_page_speaks_Chinese_with_Chinese_names_times_and_grid_texts()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("在线", cut.Find("[data-testid=connectivity-T-ON]").TextContent.Trim()));
        var text = TextOf(cut);
        Assert.Contains("终端", cut.Find("h4").TextContent);
        Assert.Contains("连接状态", text); // column and filter
        Assert.Contains("2 分钟前", text);
        Assert.Contains("从未", text); // T-NEW was never heard from
        Assert.Contains("离线", cut.Find("[data-testid=connectivity-T-OFF]").TextContent);
        Assert.Contains("每页行数", text); // MudBlazor's own pager, through the localizer
        // The wire name stays for machines and tests.
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-ON]").GetAttribute("data-connectivity"));
        Assert.DoesNotContain("⟦", text);
    }

    [Fact]
    public void The_same_page_in_English_keeps_its_English_words()
    {
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("online", cut.Find("[data-testid=connectivity-T-ON]").TextContent.Trim()));
        var text = TextOf(cut);
        Assert.Contains("Connectivity", text);
        Assert.Contains("2 min ago", text);
        Assert.Contains("Rows per page", text);
    }

    [Fact]
    public void The_overview_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal("终端总览", cut.Find("h4").TextContent.Trim()));
        var text = TextOf(cut);
        Assert.Contains("从未上线", text);
        Assert.Contains("供电不稳定", text);
        Assert.Contains("异常门店（1）", text); // S-1, with an offline terminal
        Assert.DoesNotContain("⟦", text);
    }

    [Fact]
    public void Choosing_Chinese_in_the_user_menu_renders_the_open_page_again_with_its_filters_and_saves_the_choice()
    {
        var page = RenderAt<Terminals>("terminals?connectivity=offline");
        var menu = Render<UserMenu>();
        page.WaitForAssertion(() => Assert.Equal("offline", page.Find("[data-testid=connectivity-T-OFF]").TextContent.Trim()));
        var before = page.Instance;
        page.Find("input[data-testid=terminal-search]").Input("T-O");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid^=connectivity-]")));

        menu.Find("[data-testid=user-menu-button]").Click();
        _popovers.WaitForElement("[data-testid=language-zh-CN]").Click();

        page.WaitForAssertion(() => Assert.Equal("离线", page.Find("[data-testid=connectivity-T-OFF]").TextContent.Trim()));
        Assert.Same(before, page.Instance); // the same component: nothing was reloaded
        Assert.Equal("T-O", page.Find("input[data-testid=terminal-search]").GetAttribute("value"));
        Assert.Single(page.FindAll("[data-testid^=connectivity-]")); // still only the offline one
        Assert.Contains("连接状态", TextOf(page));
        Assert.Contains("管理员", menu.Find("[data-testid=user-menu-button]").TextContent); // the menu itself follows
        Assert.Equal("zh-CN", Users.Directory.Get(SignedInUser!.UserId)?.Culture);
        Assert.Equal([CookieRequestCultureProvider.DefaultCookieName, "c=zh-CN|uic=zh-CN", "zh-CN"],
            Context.JSInterop.VerifyInvoke(CultureSwitch.CookieScript).Arguments);
    }
}
