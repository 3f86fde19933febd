using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Components.Pages;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// "Start next wave" and "Complete rollout" ask first, stating the current wave's health (docs/api.md §7: an operator starts
/// waves judging it): how many of its terminals run the version, failed or have not reported, a warning when none has
/// installed or some failed, and what the next step adds or leaves. They acted at once, even on a wave with nothing installed.
/// </summary>
public sealed class RolloutAdvanceConfirmationTests : RolloutPageTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public RolloutAdvanceConfirmationTests() => _dialogs = Context.Render<MudDialogProvider>();

    private IRenderedComponent<RolloutDetail> Open() => Render<RolloutDetail>(p => p.Add(d => d.Id, Id));

    /// <summary>Clicks the advance (or complete) button and returns the question's text once it shows.</summary>
    private string Ask(IRenderedComponent<RolloutDetail> page)
    {
        page.Find("[data-testid=rollout-advance]").Click();
        var text = "";
        _dialogs.WaitForAssertion(() => text = _dialogs.Find(".mud-dialog").TextContent);
        return text;
    }

    private void Answer(string button) => _dialogs.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == button).Click();

    [Fact]
    public void Starting_the_next_wave_while_none_has_installed_warns_and_cancel_starts_nothing()
    {
        var page = Open();

        var question = Ask(page);

        Assert.Contains($"Start wave 2 of rollout #{Id}?", question);
        Assert.Contains("Wave 1 so far: of its 2 terminals, 0 on 3.3.0, 0 failed, 2 not reported yet. Warning: none of them has installed it yet. "
            + "Wave 2 (100 % of the terminals left) adds 1 terminal.", question);
        Answer("Cancel");

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
        Assert.Equal(0, Stored.CurrentWave);
        Assert.Null(Stored.Waves[1].StartedAt);
        Assert.Contains("not started", page.Find("[data-testid=wave-2]").TextContent);
    }

    [Fact]
    public void In_chinese_the_question_counts_a_failure_warns_of_it_and_confirming_starts_the_wave()
    {
        Report("T-1", SoftwareState.Installed);
        Report("T-2", SoftwareState.Failed); // 1 of 2 = 50 % > 40 %: halted, then resumed with the failure seen
        Wait(() => Service.EvaluateAsync(Id));
        Wait(() => Service.ResumeAsync(Id, "admin@fleetops.test", null));
        UseLanguage(Languages.Chinese);
        var page = Open();

        var question = Ask(page);

        Assert.Contains($"开始分批发布 #{Id} 的第 2 批？", question);
        Assert.Contains("第 1 批目前：2 台终端中 1 台已升级到 3.3.0，1 台失败，0 台尚未报告。注意：其中 1 台安装失败。第 2 批（剩余终端的 100%）将加入 1 台终端。", question);
        Assert.DoesNotContain("尚无终端安装成功", question); // one did install
        Answer("开始下一批");

        page.WaitForAssertion(() => Assert.DoesNotContain("未开始", page.Find("[data-testid=wave-2]").TextContent));
        Assert.Equal(1, Stored.CurrentWave);
        Assert.Equal(RolloutState.Running, Stored.State);
    }

    [Fact]
    public void Completing_says_how_many_terminals_of_the_whole_rollout_are_not_on_the_version_and_then_completes()
    {
        Report("T-1", SoftwareState.Installed);
        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null));
        var page = Open();

        var question = Ask(page);

        Assert.Contains($"Complete rollout #{Id}?", question);
        Assert.Contains("Wave 2 so far: of its 1 terminal, 0 on 3.3.0, 0 failed, 1 not reported yet. Warning: none of them has installed it yet. "
            + "Of the whole rollout, 2 terminals are not on 3.3.0 yet.", question);
        Answer("Complete rollout");

        page.WaitForAssertion(() => Assert.Equal("completed", page.Find("[data-testid=rollout-state]").GetAttribute("data-state")));
        Assert.Equal(RolloutState.Completed, Stored.State);
    }

    [Fact]
    public void A_wave_started_while_the_question_was_open_is_not_followed_by_completing_the_rollout_unasked()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var page = Open();
        Ask(page);

        Wait(() => Service.AdvanceAsync(Id, "admin@fleetops.test", null)); // another administrator, or the threshold
        Answer("Start next wave");

        snackbars.WaitForAssertion(() => Assert.Contains("The rollout changed while you were deciding: look at it again before going on.", snackbars.Markup));
        Assert.Equal(RolloutState.Running, Stored.State);
        Assert.Equal(1, Stored.CurrentWave);
    }
}
