using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The rollout pages: a rollout of A920 3.3.0 to S-1 first (two tills), then the rest (S-2, one till); the list and the
/// wave bars follow the terminals' reports live, a halt is one click, a store manager sees only their store's terminals.
/// </summary>
public sealed class RolloutPagesTests : RolloutPageTest
{
    [Fact]
    public void The_list_shows_the_rollout_running_at_its_first_wave_with_its_progress()
    {
        var cut = Render<Rollouts>();

        var row = cut.Find($"[data-testid=rollout-{Id}]");
        Assert.Contains("A920 → 3.3.0", row.TextContent);
        Assert.Equal("running", row.QuerySelector("[data-testid=rollout-state]")!.GetAttribute("data-state"));
        Assert.Contains("Wave 1 of 2", row.TextContent);
        Assert.Contains("0 installed · 0 failed · 2 pending of 2", row.TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=rollout-new]"));
    }

    [Fact]
    public void The_wave_bars_follow_reports_live_and_a_failure_above_the_threshold_shows_the_halt()
    {
        var cut = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));
        Assert.Contains("0 installed · 0 failed · 2 pending of 2", cut.Find("[data-testid=wave-bar-1]").TextContent);
        Assert.Contains("not started", cut.Find("[data-testid=wave-2]").TextContent);

        Report("T-1", SoftwareState.Installed);
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Contains("1 installed · 0 failed · 1 pending of 2", cut.Find("[data-testid=wave-bar-1]").TextContent));

        Report("T-2", SoftwareState.Failed); // 1 of 2 failed = 50 % > 40 %
        Wait(() => Services.GetRequiredService<RolloutService>().EvaluateAsync(Id));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("halted", cut.Find("[data-testid=rollout-state]").GetAttribute("data-state")));
        Assert.Contains("1 installed · 1 failed · 0 pending of 2", cut.Find("[data-testid=wave-bar-1]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=rollout-resume]"));
    }

    [Fact]
    public void Halting_is_one_click_for_an_administrator()
    {
        var cut = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        cut.Find("[data-testid=rollout-halt]").Click();

        cut.WaitForAssertion(() => Assert.Equal(RolloutState.Halted, Services.GetRequiredService<RolloutBook>().Get(Id)!.State));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=rollout-halted]")));
    }

    [Fact]
    public void Filtered_to_a_state_no_rollout_is_in_the_list_says_so_and_leads_back_to_every_rollout()
    {
        UseLanguage(Languages.Chinese);
        var cut = RenderAt<Rollouts>("software/rollouts?state=halted");

        // A rollout is running: "暂无分批发布" (none yet) would tell the administrator there is none at all.
        var none = cut.Find("[data-testid=rollouts-none]");
        Assert.Contains("没有状态为“已暂停”的分批发布。", none.TextContent);
        Assert.DoesNotContain("暂无", none.TextContent);

        cut.Find("[data-testid=rollouts-all-states]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=rollout-{Id}]")));
        Assert.DoesNotContain("state=", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_terminals_page_names_the_rollout_that_tells_it_what_to_install_once_its_wave_has_started()
    {
        // The model's target (none here) is not what a terminal in a started wave is told to install: its page must say so.
        var inWave = Render<TerminalDetail>(p => p.Add(t => t.TerminalId, "T-1"));
        var waiting = Render<TerminalDetail>(p => p.Add(t => t.TerminalId, "T-3"));

        var link = inWave.WaitForElement("[data-testid=software-rollout]");
        Assert.Equal($"Rollout #{Id}, wave 1: told to install app 3.3.0", link.TextContent.Trim());
        Assert.EndsWith($"software/rollouts/{Id}", link.GetAttribute("href"));
        Assert.Empty(waiting.FindAll("[data-testid=software-rollout]"));

        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null, CancellationToken.None));
        LetLiveRefreshFire();

        waiting.WaitForAssertion(() => Assert.Equal($"Rollout #{Id}, wave 2: told to install app 3.3.0",
            waiting.Find("[data-testid=software-rollout]").TextContent.Trim()));
    }

    [Fact]
    public void A_superseded_rollout_offers_no_commands_only_the_way_to_the_newer_one()
    {
        var newer = Wait(() => Service.CreateAsync(
            new RolloutRequest("A920", "3.4.0", null, [WaveSpec.OfPercent(100)], 20, null), "admin@fleetops.test", null)).Rollout!;

        var cut = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        Assert.Equal("completed", cut.Find("[data-testid=rollout-state]").GetAttribute("data-state"));
        Assert.Contains($"Superseded by rollout #{newer.Id}", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=rollout-advance]"));
        Assert.Empty(cut.FindAll("[data-testid=rollout-halt]"));
        Assert.Empty(cut.FindAll("[data-testid=rollout-resume]"));
    }

    [Fact]
    public void A_superseded_rollouts_waves_say_what_will_not_happen_not_pending_in_both_languages()
    {
        Wait(() => Service.CreateAsync(
            new RolloutRequest("A920", "3.4.0", null, [WaveSpec.OfPercent(100)], 20, null), "admin@fleetops.test", null)); // supersedes it in wave 1

        var english = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));
        Assert.Equal("Will not start: superseded · 1 terminal", english.Find("[data-testid=wave-bar-2]").TextContent.Trim());
        // It started, but its two tills not updated yet now follow the newer rollout: "2 pending" promised installs of 3.3.0.
        Assert.Equal("0 installed · 0 failed · 2 left to the newer rollout, of 2", english.Find("[data-testid=wave-bar-1]").TextContent.Trim());
        var list = Render<Rollouts>();
        Assert.Contains("2 left to the newer rollout, of 2", list.Find($"[data-testid=rollout-{Id}]").TextContent);

        UseLanguage(Languages.Chinese);
        var chinese = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));
        Assert.Equal("不会开始：已被取代 · 共 1 台", chinese.Find("[data-testid=wave-bar-2]").TextContent.Trim());
        Assert.Equal("已安装 0 · 失败 0 · 2 台改由新的分批发布处理，共 2 台", chinese.Find("[data-testid=wave-bar-1]").TextContent.Trim());
    }

    [Fact]
    public void A_completed_rollouts_counts_still_follow_its_terminals_live()
    {
        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null, CancellationToken.None)); // wave 2 starts
        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null, CancellationToken.None)); // completed, T-3 still to install
        var cut = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));
        Assert.Equal("completed", cut.Find("[data-testid=rollout-state]").GetAttribute("data-state"));

        Report("T-3", SoftwareState.Installed);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Contains("1 installed · 0 failed · 0 pending of 1", cut.Find("[data-testid=wave-bar-2]").TextContent));
    }

    [Fact]
    public void The_list_row_of_a_completed_rollout_still_follows_its_terminals_live()
    {
        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null, CancellationToken.None)); // wave 2 starts
        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null, CancellationToken.None)); // completed, T-3 still to install
        var cut = Render<Rollouts>();
        Assert.Contains("0 installed · 0 failed · 1 pending of 1", cut.Find($"[data-testid=rollout-{Id}]").TextContent);

        Report("T-3", SoftwareState.Installed);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Contains("1 installed · 0 failed · 0 pending of 1", cut.Find($"[data-testid=rollout-{Id}]").TextContent));
    }

    [Fact]
    public void A_store_manager_sees_their_stores_terminals_only_and_no_buttons()
    {
        SignInAsStoreManager("S-2");

        var cut = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        Assert.Equal("None of your terminals are in this wave", cut.Find("[data-testid=wave-bar-1]").TextContent.Trim());
        Assert.DoesNotContain("S-1", cut.Find("[data-testid=wave-1]").TextContent); // another store's code
        Assert.Contains("Chosen stores, none of them yours", cut.Find("[data-testid=wave-1]").TextContent);
        Assert.Contains("of 1", cut.Find("[data-testid=wave-bar-2]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=rollout-halt]"));
        Assert.Empty(cut.FindAll("[data-testid=rollout-advance]"));
    }

    [Fact]
    public void A_regional_manager_whose_terminals_are_not_in_the_current_wave_is_told_so_not_shown_zero_of_zero()
    {
        SignInAsRegionalManager("North"); // S-2's T-3 is in wave 2; wave 1 (S-1) is current

        var list = Render<Rollouts>();
        var detail = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        var row = list.Find($"[data-testid=rollout-{Id}]").TextContent;
        Assert.Contains("None of your terminals are in this wave", row);
        Assert.DoesNotContain("of 0", row);
        Assert.Equal("None of your terminals are in this wave", detail.Find("[data-testid=wave-bar-1]").TextContent.Trim());
        Assert.Contains("0 installed · 0 failed · 1 pending of 1", detail.Find("[data-testid=wave-bar-2]").TextContent);

        UseLanguage(Languages.Chinese);
        var chinese = Render<Rollouts>();
        Assert.Contains("本批次没有您负责的终端", chinese.Find($"[data-testid=rollout-{Id}]").TextContent);
        Assert.DoesNotContain("共 0 台", chinese.Find($"[data-testid=rollout-{Id}]").TextContent);
    }

    [Fact]
    public void The_new_rollout_form_refuses_with_the_services_reason_and_then_starts_the_rollout()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var list = Render<Rollouts>();
        list.Find("[data-testid=rollout-new]").Click();
        dialogs.WaitForElement("input[data-testid=rollout-app-version]").Change("3.4.0");

        dialogs.Find("[data-testid=rollout-start]").Click(); // the first wave names no store yet

        dialogs.WaitForAssertion(() => Assert.Contains("Wave 1: 'stores' must name at least one store.", dialogs.Find("[data-testid=rollout-refusal]").TextContent));
        dialogs.Find("[aria-label='Remove wave 1']").Click();
        dialogs.Find("[data-testid=rollout-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=rollout-start]")));
        var started = Services.GetRequiredService<RolloutBook>().Active("A920")!;
        Assert.Equal("3.4.0", started.AppVersion);
        Assert.Equal(3, Assert.Single(started.Waves).Terminals.Count);
        Assert.EndsWith($"software/rollouts/{started.Id}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void In_english_the_state_reads_as_a_name_like_the_other_chips_not_as_the_wire_word()
    {
        var list = Render<Rollouts>();
        var detail = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        Assert.Equal("Running", list.Find("[data-testid=rollout-state]").TextContent.Trim());
        Assert.Equal("Running", detail.Find("[data-testid=rollout-state]").TextContent.Trim());
    }

    private IRenderedComponent<MudDialogProvider> OpenNewRolloutForm()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        Render<Rollouts>().Find("[data-testid=rollout-new]").Click();
        dialogs.WaitForElement("[data-testid=rollout-start]");
        return dialogs;
    }

    [Fact]
    public void Started_empty_the_new_rollout_form_asks_for_the_app_version_at_its_field_in_chinese()
    {
        UseLanguage(Languages.Chinese);
        var dialogs = OpenNewRolloutForm();

        dialogs.Find("[data-testid=rollout-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("请填写“应用版本”。", dialogs.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain("no version reported", dialogs.Find(".mud-dialog").TextContent);
        Assert.DoesNotContain("appVersion", dialogs.Find(".mud-dialog").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=rollout-refusal]"));

        dialogs.Find("input[data-testid=rollout-app-version]").Change("3.4.0");
        Assert.DoesNotContain("请填写“应用版本”。", dialogs.Find(".mud-dialog").TextContent); // gone once typed
    }

    [Fact]
    public void A_version_the_service_cannot_order_is_refused_at_the_field_by_its_label_in_either_language()
    {
        var dialogs = OpenNewRolloutForm();
        dialogs.Find("input[data-testid=rollout-app-version]").Change("latest");
        dialogs.Find("[data-testid=rollout-start]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("'App version' cannot be ordered: \"latest\" has no version number in it.", dialogs.Find(".mud-dialog").TextContent));
    }

    [Fact]
    public void A_version_the_service_cannot_order_reads_wholly_chinese_at_its_field()
    {
        UseLanguage(Languages.Chinese);
        var dialogs = OpenNewRolloutForm();
        dialogs.Find("input[data-testid=rollout-app-version]").Change("latest");
        dialogs.Find("[data-testid=rollout-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("“应用版本”无法排序：“latest”中没有版本号。", dialogs.Find(".mud-dialog").TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid=rollout-refusal]"));
    }

    [Fact]
    public void Choosing_a_model_with_an_unfinished_rollout_says_that_starting_ends_it_and_how_many_terminals_it_leaves()
    {
        var dialogs = OpenNewRolloutForm();

        Assert.Equal($"Rollout #{Id} of this model (A920 → 3.3.0) has not finished: starting this rollout ends it, with 3 terminals of it not yet on 3.3.0.",
            dialogs.Find("[data-testid=rollout-supersedes]").TextContent.Trim());
    }

    [Fact]
    public void Both_pages_speak_chinese()
    {
        UseLanguage(Languages.Chinese);

        var list = Render<Rollouts>();
        var detail = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        Assert.Contains("第 1 批，共 2 批", list.Find($"[data-testid=rollout-{Id}]").TextContent);
        Assert.Contains("进行中", list.Find("[data-testid=rollout-state]").TextContent);
        Assert.Contains("第 2 批", detail.Find("[data-testid=wave-2]").TextContent);
        Assert.Contains("未开始", detail.Find("[data-testid=wave-2]").TextContent);
        Assert.Contains("已安装 0 · 失败 0 · 待完成 2，共 2 台", detail.Find("[data-testid=wave-bar-1]").TextContent);
    }

    [Fact]
    public void A_halted_rollout_reads_its_rules_and_its_halt_as_Chinese_sentences_without_stray_spaces()
    {
        Wait(() => Services.GetRequiredService<RolloutService>().HaltAsync(Id, "admin@fleetops.test", null));
        Clock.Advance(TimeSpan.FromMinutes(3));
        UseLanguage(Languages.Chinese);

        var detail = Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

        // It read "…时自动暂停。 下一批需手动开始。" (the markup's line break) and "已于3 分钟前暂停"; "{0}暂停" also reads "刚刚暂停".
        detail.WaitForAssertion(() => Assert.Contains("已开始批次中失败超过 40% 时自动暂停。下一批需手动开始。", detail.Markup));
        Assert.Equal("3 分钟前暂停：恢复前不会开始新的批次。", detail.Find("[data-testid=rollout-halted]").TextContent.Trim());
    }

    [Fact]
    public void A_rollout_that_does_not_exist_is_named_in_one_sentence_in_both_languages()
    {
        var english = Render<RolloutDetail>(p => p.Add(d => d.Id, Id + 1000));
        english.WaitForAssertion(() => Assert.Equal("No such rollout here. Back to rollouts", english.Find("[data-testid=not-found]").TextContent.Trim()));

        UseLanguage(Languages.Chinese);
        var chinese = Render<RolloutDetail>(p => p.Add(d => d.Id, Id + 1000));
        // It read "此处没有该该分批发布不存在，或不涉及您负责的门店。。": a sentence put where the panel expects a noun.
        chinese.WaitForAssertion(() => Assert.Equal("此处没有该分批发布。 返回分批发布", chinese.Find("[data-testid=not-found]").TextContent.Trim()));
    }
}
