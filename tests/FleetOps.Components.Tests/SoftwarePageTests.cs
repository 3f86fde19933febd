using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Components.Software;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The software page: A920 tills in S-1 and S-2 on three versions with a target of 3.3.0 (minimum 3.0.0) set three days
/// ago, a V400m till without a target.
/// </summary>
public sealed class SoftwarePageTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public SoftwarePageTests()
    {
        RenderPopoverProvider();
        _dialogs = Context.Render<MudDialogProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-NEW", "T-OLD");
        Register("S-2", "T-ANCIENT");
        RegisterModel("S-2", "V400m", "T-V1");
        // Running these versions since before the target was set: behind since the target, three days.
        Heartbeat("T-NEW", TimeSpan.FromDays(5), appVersion: "3.3.0", firmwareVersion: "1.9.0");
        Heartbeat("T-OLD", TimeSpan.FromDays(5), appVersion: "3.2.1", firmwareVersion: "1.9.0");
        Heartbeat("T-ANCIENT", TimeSpan.FromDays(5), appVersion: "2.9.0", firmwareVersion: "1.9.0");
        Heartbeat("T-V1", appVersion: "5.0.0", firmwareVersion: "2.0.0");
        Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.9.0", "3.0.0", Now - TimeSpan.FromDays(3)));
    }

    /// <summary>A920 tills on 3.2.1 for five days: outdated (behind the target, above its minimum) for the three days it has been set.</summary>
    private void RegisterOutdated(string store, params string[] tills)
    {
        Register(store, tills);
        foreach (var id in tills) Heartbeat(id, TimeSpan.FromDays(5), appVersion: "3.2.1", firmwareVersion: "1.9.0");
    }

    private static string Kpi(IRenderedComponent<SoftwarePage> cut, string name) => cut.Find($"[data-testid=software-kpi-{name}] .kpi-value").TextContent.Trim();

    [Fact]
    public void It_shows_compliance_per_model_the_terminals_behind_longest_first_and_the_lagging_stores()
    {
        var cut = Render<SoftwarePage>();

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));
        Assert.Equal("1", Kpi(cut, "unsupported"));
        Assert.Equal("1", Kpi(cut, "unknown"));
        Assert.Contains("1 of 3", cut.Find("[data-testid=model-A920]").TextContent);
        Assert.Contains("No target set", cut.Find("[data-testid=model-V400m]").TextContent);
        var behind = cut.FindAll("[data-testid=software-behind-list] tbody tr").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal(["behind-T-ANCIENT", "behind-T-OLD"], behind);
        Assert.Contains("3 d", cut.Find("[data-testid=behind-T-OLD]").TextContent);
        Assert.Equal("store-S-2", cut.FindAll("[data-testid=software-stores] tbody tr")[0].GetAttribute("data-testid"));
        Assert.NotNull(cut.Find("[data-testid=software-by-model] svg"));
        Assert.Contains("software=outdated", cut.Find("[data-testid=software-csv-outdated]").GetAttribute("href"));
    }

    [Fact]
    public void An_administrator_raises_the_target_in_the_form_and_the_outdated_count_follows_live()
    {
        var cut = Render<SoftwarePage>();
        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));

        cut.Find("[data-testid=model-A920] [data-testid=set-target]").Click();
        _dialogs.WaitForElement("input[data-testid=target-app]").Change("3.4.0");
        _dialogs.Find("[data-testid=target-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=target-save]")));
        Assert.Equal("3.4.0", Fleet.TargetFor("A920")!.AppVersion);
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Equal("2", Kpi(cut, "outdated")));
        var entry = Assert.Single(Wait(() => Services.GetRequiredService<AuditLog>().PageAsync(null, AuditActions.SoftwareTargetSet, 0, 10)).Items);
        Assert.Equal("A920", entry.Target);
    }

    [Fact]
    public void The_new_target_form_starts_from_a_chosen_models_current_target_and_never_overwrites_what_was_typed()
    {
        // The phone's way to change a target (its row button is folded away): "Set a target", then the model.
        var cut = Render<SoftwarePage>();
        cut.WaitForElement("[data-testid=software-new-target]").Click();
        var model = _dialogs.WaitForComponent<MudAutocomplete<string>>();

        _dialogs.InvokeAsync(() => model.Instance.ValueChanged.InvokeAsync("A920"));

        _dialogs.WaitForAssertion(() => Assert.Equal("3.3.0", _dialogs.Find("input[data-testid=target-app]").GetAttribute("value")));
        Assert.Equal("1.9.0", _dialogs.Find("input[data-testid=target-firmware]").GetAttribute("value"));
        Assert.Equal("3.0.0", _dialogs.Find("input[data-testid=target-minimum]").GetAttribute("value"));

        _dialogs.Find("input[data-testid=target-app]").Change("3.4.0");
        _dialogs.InvokeAsync(() => model.Instance.ValueChanged.InvokeAsync("V400m"));
        _dialogs.WaitForAssertion(() => Assert.Equal("3.4.0", _dialogs.Find("input[data-testid=target-app]").GetAttribute("value")));
    }

    [Fact]
    public void The_form_refuses_a_version_that_cannot_be_ordered_and_changes_nothing()
    {
        var cut = Render<SoftwarePage>();
        cut.WaitForElement("[data-testid=model-A920] [data-testid=set-target]").Click();

        _dialogs.WaitForElement("input[data-testid=target-app]").Change("latest");
        _dialogs.Find("[data-testid=target-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("has no version number", _dialogs.Markup));
        Assert.Equal("3.3.0", Fleet.TargetFor("A920")!.AppVersion);
    }

    [Fact]
    public void In_chinese_the_forms_refusals_name_the_labels_on_screen_and_a_corrected_field_loses_its_error()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<SoftwarePage>();
        cut.WaitForElement("[data-testid=model-A920] [data-testid=set-target]").Click();

        _dialogs.WaitForElement("input[data-testid=target-minimum]").Change("9.9.9");
        _dialogs.Find("[data-testid=target-save]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("“最低应用版本”不能高于“目标应用版本”。", _dialogs.Find(".mud-dialog").TextContent));

        _dialogs.Find("input[data-testid=target-minimum]").Change("abc");
        Assert.DoesNotContain("不能高于", _dialogs.Find(".mud-dialog").TextContent); // cleared on the change, before saving
        _dialogs.Find("[data-testid=target-save]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("“最低应用版本”无法与终端版本比较先后：“abc”中没有版本号。", _dialogs.Find(".mud-dialog").TextContent));

        _dialogs.Find("input[data-testid=target-app]").Change("");
        _dialogs.Find("[data-testid=target-save]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("请填写“目标应用版本”。", _dialogs.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain("appVersion", _dialogs.Find(".mud-dialog").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("has no", _dialogs.Find(".mud-dialog").TextContent);
    }

    [Fact]
    public void In_english_the_forms_refusal_names_the_labels_too()
    {
        var cut = Render<SoftwarePage>();
        cut.WaitForElement("[data-testid=model-A920] [data-testid=set-target]").Click();

        _dialogs.WaitForElement("input[data-testid=target-minimum]").Change("9.9.9");
        _dialogs.Find("[data-testid=target-save]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("'Minimum app version' cannot be above 'Target app version'.", _dialogs.Find(".mud-dialog").TextContent));
    }

    [Fact]
    public void Only_administrators_see_the_target_buttons_and_a_store_manager_sees_their_store()
    {
        SignInAsStoreManager("S-1");

        var cut = Render<SoftwarePage>();

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));
        Assert.Equal("0", Kpi(cut, "unsupported"));
        Assert.Empty(cut.FindAll("[data-testid=set-target]"));
        Assert.Empty(cut.FindAll("[data-testid=software-new-target]"));
    }

    [Fact]
    public void The_model_in_the_address_narrows_the_page()
    {
        var cut = RenderAt<SoftwarePage>("software?model=V400m");

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "unknown")));
        Assert.Equal("0", Kpi(cut, "outdated"));
        Assert.Contains("V400m", cut.Find("[data-testid=software-versions]").ParentElement!.TextContent);
        Assert.Contains("model=V400m", Services.GetRequiredService<NavigationManager>().Uri);
    }

    /// <summary>
    /// A store's "outdated software" counts outdated and unsupported tills — two statuses, where the terminal list filters by
    /// one — so the stores list and the store's page open this page for the store: its list of terminals behind is exactly
    /// what the count counted, and its own cards and exports stay in the store.
    /// </summary>
    [Fact]
    public void A_stores_outdated_count_opens_this_page_for_the_store_listing_exactly_what_it_counts()
    {
        RegisterOutdated("S-2", "T-LATE");
        var stores = Render<Stores>();
        var row = stores.FindAll("[data-testid=store-table] tbody tr").Single(r => r.TextContent.Contains("S-2 · Store S-2"));
        var count = row.QuerySelector("[data-testid=store-row-outdated]")!;
        Assert.Equal("2", count.TextContent.Trim());
        var store = RenderAt<StoreDetail>("stores/S-2", p => p.Add(x => x.Code, "S-2"));
        Assert.Equal(count.GetAttribute("href"), store.Find("[data-testid=store-outdated]").GetAttribute("href"));

        var cut = RenderAt<SoftwarePage>(count.GetAttribute("href")!);

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));
        Assert.Equal("1", Kpi(cut, "unsupported"));
        var behind = cut.FindAll("[data-testid=software-behind-list] tbody tr").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal(["behind-T-ANCIENT", "behind-T-LATE"], behind); // not S-1's T-OLD
        Assert.Equal(["T-LATE"], Listed(cut.Find("[data-testid=software-kpi-outdated]").GetAttribute("href")!));
        Assert.Contains("store=S-2", cut.Find("[data-testid=software-csv-unsupported]").GetAttribute("href"));
    }

    [Fact]
    public void A_stores_list_of_terminals_behind_holds_all_of_them_past_the_fleets_fifteen()
    {
        var late = Enumerable.Range(1, 17).Select(i => $"T-LATE-{i:00}").ToArray();
        RegisterOutdated("S-2", late);

        var fleet = Render<SoftwarePage>();
        fleet.WaitForAssertion(() => Assert.Equal("18", Kpi(fleet, "outdated")));
        Assert.Equal(15, fleet.FindAll("[data-testid=software-behind-list] tbody tr").Count);

        var store = RenderAt<SoftwarePage>(SoftwarePage.StorePath("S-2"));

        store.WaitForAssertion(() => Assert.Equal("17", Kpi(store, "outdated")));
        Assert.Equal(18, store.FindAll("[data-testid=software-behind-list] tbody tr").Count); // and T-ANCIENT, unsupported
        Assert.Empty(store.FindAll("[data-testid=software-all-outdated]"));
    }

    [Fact]
    public void A_store_that_is_not_the_viewers_is_said_to_be_not_found_rather_than_shown_with_nothing_behind()
    {
        SignInAsStoreManager("S-1");

        var cut = RenderAt<SoftwarePage>(SoftwarePage.StorePath("S-2"));

        cut.WaitForElement("[data-testid=not-found]");
        Assert.Empty(cut.FindAll("[data-testid=software-kpi-current]"));
        Assert.Empty(cut.FindAll("[data-testid=software-none-behind]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=software-store]")); // to clear it
    }

    [Fact]
    public void A_chosen_model_the_chosen_store_lacks_counts_nothing_instead_of_every_model()
    {
        var cut = RenderAt<SoftwarePage>("software?store=S-1&model=V400m");

        cut.WaitForAssertion(() => Assert.Equal("0", Kpi(cut, "unknown")));
        Assert.Equal("0", Kpi(cut, "outdated"));
        Assert.Contains("model=V400m", cut.Find("[data-testid=software-kpi-outdated]").GetAttribute("href"));
        Assert.Contains("store=S-1", cut.Find("[data-testid=software-kpi-outdated]").GetAttribute("href"));
    }

    [Fact]
    public void Choosing_a_store_narrows_the_page_and_puts_the_store_in_the_address()
    {
        var cut = Render<SoftwarePage>();
        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));

        var picker = cut.FindComponent<StorePicker>();
        Assert.Equal(["S-1", "S-2"], picker.Instance.Stores.Select(s => s.Code));
        cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("S-2"));

        cut.WaitForAssertion(() => Assert.Equal("0", Kpi(cut, "outdated")));
        Assert.Equal("1", Kpi(cut, "unsupported"));
        Assert.Contains("store=S-2", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_software_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<SoftwarePage>();

        cut.WaitForAssertion(() => Assert.Contains("软件版本", cut.Find("h4").TextContent));
        Assert.Contains("3 台中 1 台", cut.Find("[data-testid=model-A920]").TextContent);
        Assert.DoesNotContain("⟦", cut.Markup);
    }

    [Fact]
    public void Outdated_has_one_chinese_name_on_the_card_in_the_legend_and_on_the_chips()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<SoftwarePage>();

        cut.WaitForAssertion(() => Assert.Contains("待升级", cut.Find("[data-testid=software-kpi-outdated]").TextContent));
        Assert.Contains("待升级", cut.Find("[data-testid=behind-T-OLD]").TextContent);
        Assert.Contains("待升级", cut.Find("[data-testid=software-csv-outdated]").TextContent);
        Assert.DoesNotContain("过旧", cut.Markup);
        Assert.DoesNotContain("不再支持", cut.Markup);
    }

    /// <summary>The terminals the terminals list shows at <paramref name="href"/> (one page of 25 is enough here).</summary>
    private List<string> Listed(string href)
    {
        var list = RenderAt<Terminals>(href);
        list.WaitForElement("[data-testid=terminal-grid] tbody");
        return list.FindAll("[data-testid^=connectivity-]").Select(e => e.GetAttribute("data-testid")!["connectivity-".Length..]).Order().ToList();
    }

    [Fact]
    public void Each_count_opens_the_terminals_list_holding_exactly_the_terminals_it_counts()
    {
        // A decommissioned till still on an old version: left out of the counts, so it must be left out of the list they open.
        RegisterOutdated("S-1", "T-GONE");
        Fleet.Register(new TerminalRegistration("T-GONE", "S-1", "A920", "SN-T-GONE", Decommissioned: true));
        var cut = Render<SoftwarePage>();
        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "outdated")));

        string Href(string card) => cut.Find($"[data-testid=software-kpi-{card}]").GetAttribute("href")!;
        Assert.Equal(["T-OLD"], Listed(Href("outdated")));
        Assert.Equal(["T-ANCIENT"], Listed(Href("unsupported")));
        Assert.Equal(["T-V1"], Listed(Href("unknown")));
        Assert.Equal(["T-NEW"], Listed(Href("current")));
    }

    [Fact]
    public void A_chosen_models_counts_open_the_list_narrowed_to_that_model()
    {
        var cut = RenderAt<SoftwarePage>("software?model=V400m");
        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "unknown")));

        Assert.Equal(["T-V1"], Listed(cut.Find("[data-testid=software-kpi-unknown]").GetAttribute("href")!));
    }

    [Fact]
    public void When_more_stores_lag_than_listed_a_link_opens_every_store_most_behind_first_in_both_languages()
    {
        // 16 more stores, store L-01 with one till behind up to L-16 with sixteen: 18 stores, more than the 15 listed.
        for (var i = 1; i <= 16; i++)
        {
            var tills = Enumerable.Range(1, i).Select(n => $"T-L{i:00}-{n:00}").ToArray();
            AddStore($"L-{i:00}");
            RegisterOutdated($"L-{i:00}", tills);
        }

        var cut = Render<SoftwarePage>();
        cut.WaitForAssertion(() => Assert.Equal(15, cut.FindAll("[data-testid=software-stores] tbody tr").Count));
        var link = cut.Find("[data-testid=software-all-stores]");
        Assert.Equal("Every store, most terminals behind first", link.TextContent.Trim());

        var stores = RenderAt<Stores>(link.GetAttribute("href")!);
        stores.WaitForAssertion(() => Assert.Equal(18, stores.FindAll("[data-testid=store-table] tbody tr").Count));
        Assert.Contains("L-16", stores.Find("[data-testid=store-table] tbody tr").TextContent);

        UseLanguage(Languages.Chinese);
        var chinese = Render<SoftwarePage>();
        chinese.WaitForAssertion(() => Assert.Equal("查看全部门店（落后终端最多的在前）", chinese.Find("[data-testid=software-all-stores]").TextContent.Trim()));
    }

    [Fact]
    public void When_more_are_behind_than_listed_each_status_links_to_all_of_it_with_its_own_count()
    {
        // 16 outdated and 1 unsupported: 17 behind, more than the 15 listed. The list filters one status at a time, so
        // one link saying 17 could only open 16.
        var more = Enumerable.Range(1, 15).Select(i => $"T-O{i:00}").ToArray();
        RegisterOutdated("S-1", more);

        var cut = Render<SoftwarePage>();

        cut.WaitForAssertion(() => Assert.Equal("16", Kpi(cut, "outdated")));
        var outdated = cut.Find("[data-testid=software-all-outdated]");
        Assert.Equal("All 16 outdated", outdated.TextContent.Trim());
        Assert.Equal(16, Listed(outdated.GetAttribute("href")!).Count);
        var unsupported = cut.Find("[data-testid=software-all-unsupported]");
        Assert.Equal("The 1 unsupported", unsupported.TextContent.Trim());
        Assert.Equal(["T-ANCIENT"], Listed(unsupported.GetAttribute("href")!));
    }
}
