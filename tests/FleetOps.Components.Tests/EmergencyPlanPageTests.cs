using Bunit;
using Bunit.TestDoubles;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Alerts;
using FleetOps.Web.Components.EmergencyPlans;
using FleetOps.Web.Components.Layout;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// A store's emergency plan (issue 15 item 7): the shipped template in the reader's language until a manager writes their
/// own, a manager's save shown as written, a bad phone number refused at its field, read-only for technicians, hidden
/// from people who do not see the store, and one tap away from a power alert.
/// </summary>
public sealed class EmergencyPlanPageTests : FleetComponentTest
{
    private const string HandOverNothing = "do not hand over the goods until the payment's result is clear";

    public EmergencyPlanPageTests()
    {
        Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Heartbeat("T-1");
    }

    private IRenderedComponent<EmergencyPlanPage> Page(string code = "S-1") => Render<EmergencyPlanPage>(p => p.Add(x => x.Code, code));

    private static void Type(IRenderedComponent<EmergencyPlanPage> cut, string field, string text) =>
        cut.Find($"[data-testid='field-{field}']").Change(text);

    private EmergencyPlan? Stored() =>
        Wait(() => Services.GetRequiredService<EmergencyPlanService>().ReadAsync("S-1", MaintenanceActor.Bootstrap));

    [Fact]
    public void A_new_store_shows_the_shipped_template_in_English_and_in_Chinese()
    {
        var cut = Page();

        Assert.Contains("Nobody has kept this store's plan yet", cut.Find("[data-testid=plan-reviewed]").TextContent);
        var steps = cut.FindAll("[data-testid=plan-procedure-power_fails_mid_payment] li").Select(li => li.TextContent).ToList();
        Assert.Equal(6, steps.Count);
        Assert.Contains(HandOverNothing, steps[0]);
        Assert.Contains(steps, s => s.Contains("masked card number", StringComparison.Ordinal));
        Assert.Contains("Store-wide power outage", cut.Find("[data-testid=plan-procedure-store_power_outage]").TextContent);

        UseLanguage(Languages.Chinese);
        var chinese = Page();
        Assert.Contains("在确认支付结果之前，不要把商品交给顾客", chinese.Find("[data-testid=plan-procedure-power_fails_mid_payment] li").TextContent);
        Assert.Contains("全店停电", chinese.Find("[data-testid=plan-procedure-store_power_outage]").TextContent);
        Assert.Contains("收单机构商户服务热线", chinese.Find("[data-testid=plan-hotline]").TextContent);
    }

    [Fact]
    public void A_store_manager_edits_and_saves_and_the_plan_then_shows_their_text_while_untouched_procedures_stay_translated()
    {
        SignInAsStoreManager("S-1");
        var cut = Page();

        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "hotline.name", "UnionPay Merchant Services");
        Type(cut, "hotline.phone", "95516");
        Type(cut, "upsLocation", "Under the checkout");
        Type(cut, "steps.terminal_dies[2]", "Take the spare terminal from the office safe.");
        cut.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Plan saved.", cut.Find("[data-testid=plan-message]").TextContent.Trim()));
        Assert.Contains("95516", cut.Find("[data-testid=plan-hotline]").TextContent);
        Assert.Equal("tel:95516", cut.Find("[data-testid=plan-hotline] a").GetAttribute("href"));
        Assert.Contains("Under the checkout", cut.Find("[data-testid=plan-locations]").TextContent);
        Assert.Equal("Take the spare terminal from the office safe.", cut.FindAll("[data-testid=plan-procedure-terminal_dies] li")[2].TextContent.Trim());
        Assert.Contains($"by {SignedInUser!.DisplayName}", cut.Find("[data-testid=plan-reviewed]").TextContent);
        var stored = Stored()!;
        Assert.Equal(1, stored.Version);
        Assert.NotNull(stored.StepsOf(EmergencyProcedure.TerminalDies));
        Assert.Null(stored.StepsOf(EmergencyProcedure.PowerFailsMidPayment)); // untouched: still the template

        UseLanguage(Languages.Chinese);
        var chinese = Page();
        Assert.Equal("Take the spare terminal from the office safe.", chinese.FindAll("[data-testid=plan-procedure-terminal_dies] li")[2].TextContent.Trim());
        Assert.Contains("不要把商品交给顾客", chinese.Find("[data-testid=plan-procedure-power_fails_mid_payment] li").TextContent);
    }

    [Fact]
    public void A_phone_number_that_is_not_one_is_refused_at_its_field_and_nothing_is_saved()
    {
        SignInAsStoreManager("S-1");
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "hotline.name", "Acquirer");
        Type(cut, "hotline.phone", "call the bank");
        cut.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find("[data-testid='field-hotline.phone']").GetAttribute("data-error")));
        Assert.Contains("is not a phone number", cut.Find("[data-testid=plan-form]").TextContent);
        Assert.Equal("no", cut.Find("[data-testid='field-hotline.name']").GetAttribute("data-error"));
        Assert.False(Stored()!.IsSaved);

        Type(cut, "hotline.phone", "400-820-8888");
        cut.Find("[data-testid=plan-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("400-820-8888", cut.Find("[data-testid=plan-hotline]").TextContent));
    }

    [Fact]
    public void A_save_with_several_problems_marks_them_all_at_once_by_their_labels_with_a_count_by_Save()
    {
        SignInAsStoreManager("S-1");
        var cut = SaveWithFourProblems();

        cut.WaitForAssertion(() => Assert.Equal("Not saved: 4 problems — see the marked fields.", cut.Find("[data-testid=plan-problems]").TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid=plan-problems] ~ div [data-testid=plan-save]"));
        Assert.All(new[] { "hotline.name", "hotline.phone", "electrician.phone", "steps.terminal_dies[1]" },
            f => Assert.Equal("yes", cut.Find($"[data-testid='field-{f}']").GetAttribute("data-error")));
        Assert.Equal("no", cut.Find("[data-testid='field-electrician.name']").GetAttribute("data-error"));
        var form = cut.Find("[data-testid=plan-form]").TextContent + cut.Markup;
        Assert.Contains("'Hotline phone' is not a phone number", form);
        Assert.Contains("'A terminal dies, step 2' is required.", form);
        Assert.DoesNotContain("'hotline.phone'", form);
        Assert.DoesNotContain("steps.terminal_dies", cut.Find("[data-testid=plan-problems]").TextContent);
        Assert.Contains(Context.JSInterop.Invocations, i => i.Arguments.Contains("[data-error=yes]")); // the first one scrolled into view
        Assert.False(Stored()!.IsSaved);

        UseLanguage(Languages.Chinese);
        var chinese = SaveWithFourProblems();
        chinese.WaitForAssertion(() => Assert.Contains("4 处问题", chinese.Find("[data-testid=plan-problems]").TextContent));
        Assert.Contains("“热线电话”不是有效的电话号码", chinese.Markup);
        Assert.Contains("请填写“「终端故障无法使用」第 2 步”。", chinese.Markup);
        Assert.Contains("“电工电话”", chinese.Markup);
    }

    private IRenderedComponent<EmergencyPlanPage> SaveWithFourProblems()
    {
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "hotline.phone", "call bank");
        Type(cut, "electrician.name", "Mr Wang");
        Type(cut, "electrician.phone", "12");
        Type(cut, "steps.terminal_dies[1]", "");
        cut.Find("[data-testid=plan-save]").Click();
        return cut;
    }

    [Fact]
    public void After_someone_else_saved_the_editor_says_so_by_Save_and_keeps_the_persons_edits_on_top_of_the_newer_version()
    {
        SaveValidPlan();
        SignInAsStoreManager("S-1");
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "hotline.phone", "95517");
        Type(cut, "upsLocation", "Under the checkout");
        Assert.NotNull(Wait(() => Services.GetRequiredService<EmergencyPlanService>().SaveAsync("S-1", new EmergencyPlanDraft(new("Acquirer", "95599"),
            null, new("Mr Wang", "021-6888-0000"), null, null, null, null, null), MaintenanceActor.Bootstrap, null)).Value);

        cut.Find("[data-testid=plan-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("saved by someone else", cut.Find("[data-testid=plan-save-refusal]").TextContent));
        cut.Find("[data-testid=plan-keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Mr Wang", cut.Find("[data-testid='field-electrician.name']").GetAttribute("value")));
        Assert.Equal("95517", cut.Find("[data-testid='field-hotline.phone']").GetAttribute("value"));
        Assert.Equal("Under the checkout", cut.Find("[data-testid='field-upsLocation']").GetAttribute("value"));
        Assert.Contains("Version 2 also changed these", cut.Find("[data-testid=plan-clashes]").TextContent);
        Assert.Contains("Hotline phone", cut.Find("[data-testid=plan-clashes]").TextContent);

        cut.Find("[data-testid=plan-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Plan saved.", cut.Find("[data-testid=plan-message]").TextContent.Trim()));
        var stored = Stored()!;
        Assert.Equal((3, "95517", "Mr Wang", "Under the checkout"), (stored.Version, stored.Hotline.Phone, stored.Electrician.Name, stored.UpsLocation));
    }

    [Fact]
    public void Cancel_with_changes_asks_before_discarding_them_and_without_changes_asks_nothing()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        SignInAsStoreManager("S-1");
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();
        cut.Find("[data-testid=plan-cancel]").Click();
        Assert.Empty(cut.FindAll("[data-testid=plan-form]"));
        Assert.Empty(dialogs.FindAll(".mud-dialog"));

        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "paperFormsLocation", "Drawer under the till");
        cut.Find("[data-testid=plan-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Discard your changes to the plan?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep editing").Click();
        Assert.Equal("Drawer under the till", cut.Find("[data-testid='field-paperFormsLocation']").GetAttribute("value"));

        cut.Find("[data-testid=plan-cancel]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Discard changes").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=plan-form]")));
        Assert.False(Stored()!.IsSaved);
    }

    [Fact]
    public void Navigating_away_with_changes_asks_first_and_stays_unless_told_to_discard()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        SignInAsStoreManager("S-1");
        var cut = Page();
        var here = navigation.Uri;
        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "upsLocation", "Under the checkout");

        cut.InvokeAsync(() => navigation.NavigateTo("stores"));
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep editing").Click());
        cut.WaitForAssertion(() => Assert.Equal(here, navigation.Uri));
        Assert.NotNull(cut.Find("[data-testid=plan-form]"));

        cut.InvokeAsync(() => navigation.NavigateTo("stores"));
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Discard changes").Click());
        cut.WaitForAssertion(() => Assert.EndsWith("/stores", navigation.Uri));
    }

    [Fact]
    public void The_reload_after_an_access_change_asks_in_the_page_saying_why_and_reloads_only_once_the_lock_is_gone()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
        SignInAsStoreManager("S-1");
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();
        Type(cut, "upsLocation", "Under the checkout");

        cut.InvokeAsync(() => ReloadOnAccessChange.Reload(navigation));
        dialogs.WaitForAssertion(() => Assert.Contains("An administrator changed your role or stores", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep editing").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal("Under the checkout", cut.Find("[data-testid='field-upsLocation']").GetAttribute("value"));

        // The reload is sent again after the render that removes the editor, when no render of the page may follow: wait for it, not for a render.
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        navigation.LocationChanged += (_, _) => reloaded.TrySetResult();
        cut.InvokeAsync(() => ReloadOnAccessChange.Reload(navigation));
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Discard changes").Click());
        // The reload goes once the editor and its lock are gone (disposing the lock turns the browser's "leave site?" off),
        // so the person is asked once, here, and not again by the browser.
        Wait(() => reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        // One reload went through: not the one answered "keep editing"; the discarded one was held and this one sent again.
        var reload = Assert.Single(navigation.History, h => h.State == NavigationState.Succeeded);
        Assert.True(reload.Options.ForceLoad);
        Assert.Equal(ReloadOnAccessChange.AccessChangedState, reload.Options.HistoryEntryState);
        Assert.Empty(cut.FindComponents<NavigationLock>());
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "Blazor._internal.NavigationLock.disableNavigationPrompt");
    }

    [Fact]
    public void Navigating_away_without_changes_asks_nothing()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        SignInAsStoreManager("S-1");
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();

        cut.InvokeAsync(() => navigation.NavigateTo("stores"));

        cut.WaitForAssertion(() => Assert.EndsWith("/stores", navigation.Uri));
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
    }

    [Fact]
    public void The_editor_says_that_changing_a_template_step_turns_the_whole_procedure_into_the_editors_own_text()
    {
        SignInAsStoreManager("S-1");
        UseLanguage(Languages.Chinese);
        var cut = Page();
        cut.Find("[data-testid=plan-edit]").Click();

        Assert.Contains("整个流程将按您填写的文字和语言保存", cut.Find("[data-testid=plan-template-hint-terminal_dies]").TextContent);
        Type(cut, "steps.terminal_dies[1]", "从办公室保险柜取备用终端。");
        Assert.Empty(cut.FindAll("[data-testid=plan-template-hint-terminal_dies]"));
        Assert.NotNull(cut.Find("[data-testid=plan-template-hint-power_fails_mid_payment]"));
    }

    [Fact]
    public void A_technician_reads_the_plan_and_prints_it_but_is_offered_no_edit()
    {
        SignInAsTechnician("S-1");
        var cut = Page();

        Assert.Contains(HandOverNothing, cut.Find("[data-testid=plan-procedure-power_fails_mid_payment]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=plan-print]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-review]"));
    }

    [Fact]
    public void An_overdue_review_asks_a_reader_to_turn_to_their_managers_and_a_keeper_to_review()
    {
        SaveValidPlan();
        Clock.Advance(TimeSpan.FromDays(400));

        SignInAsTechnician("S-1");
        var reader = Page().Find("[data-testid=plan-review-overdue]").TextContent;
        Assert.Contains("ask your store manager or regional manager", reader);
        Assert.DoesNotContain("save", reader, StringComparison.OrdinalIgnoreCase);
        UseLanguage(Languages.Chinese);
        Assert.Contains("请联系店长或区域经理复核", Page().Find("[data-testid=plan-review-overdue]").TextContent);

        SignInAsStoreManager("S-1");
        Assert.Contains("然后保存或标记为已复核", Page().Find("[data-testid=plan-review-overdue]").TextContent);
    }

    /// <summary>A plan kept by an administrator through the service, as if saved from the page some time ago.</summary>
    private void SaveValidPlan() => Assert.NotNull(Wait(() => Services.GetRequiredService<EmergencyPlanService>().SaveAsync("S-1",
        new EmergencyPlanDraft(new("Acquirer", "95516"), null, null, null, null, null, null, null), MaintenanceActor.Bootstrap, null)).Value);

    [Fact]
    public void A_store_outside_the_scope_is_not_found()
    {
        SignInAsStoreManager("S-2");
        var cut = Page();

        Assert.NotNull(cut.Find("[data-testid=not-found]"));
        Assert.Empty(cut.FindAll("[data-testid=emergency-plan]"));
    }

    [Fact]
    public void A_power_alert_links_to_its_stores_emergency_plan()
    {
        PowerLoss("T-1", TimeSpan.FromHours(3));
        PowerLoss("T-1", TimeSpan.FromHours(2));
        PowerLoss("T-1", TimeSpan.FromHours(1));
        EvaluateAlerts();

        var cut = Render<AlertsPage>();

        var row = cut.WaitForElement("[data-testid=alert-table] tr[data-kind=unstable_power]");
        Assert.Equal("stores/S-1/emergency-plan", row.QuerySelector("[data-testid=emergency-plan-link]")!.GetAttribute("href"));
    }
}
