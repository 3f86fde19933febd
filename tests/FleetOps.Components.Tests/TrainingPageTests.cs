using Bunit;
using Bunit.TestDoubles;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Training;
using FleetOps.Web.Components.Training;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// A store's training page (issue 15): a manager keeps the roster (a refusal at its field, a person who left kept in the
/// left list), a session recorded elsewhere shows at once with the compliance it brings, the session form refuses at the
/// field, asks for every signature before it records and shows the signers, technicians only read, a manager of another
/// store finds nothing, and the page reads in Chinese.
/// </summary>
public sealed class TrainingPageTests : FleetComponentTest
{
    public TrainingPageTests()
    {
        Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
    }

    private TrainingService Training => Services.GetRequiredService<TrainingService>();

    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<TrainingPage> Page(string code = "S-1") => Render<TrainingPage>(p => p.Add(x => x.Code, code));

    private StaffMember Hire(string name, string store = "S-1") =>
        Wait(() => Training.AddStaffAsync(store, name, "cashier", new DateOnly(2026, 1, 5), MaintenanceActor.Bootstrap, null)).Value!;

    /// <summary>Every signature pad has a drawing (the pad's script as bUnit plays it): the same small PNG for each.</summary>
    private void DrawOnEveryPad()
    {
        var pad = Context.JSInterop.SetupModule("./js/signature-pad.js");
        pad.Setup<int>("drawn", _ => true).SetResult(1);
        pad.Setup<IJSStreamReference>("png", _ => true).SetResult(new BytesReference(BytesReference.Png));
    }

    private string Compliance(IRenderedComponent<TrainingPage> cut) => cut.Find("[data-testid=training-compliance]").TextContent;

    [Fact]
    public async Task A_store_manager_adds_a_person_after_a_refusal_at_the_name_and_marks_someone_as_left_who_then_keeps_their_history()
    {
        var leaver = Hire("Wang Fang");
        SignInAsStoreManager("S-1");
        var cut = Page();

        cut.Find("[data-testid=staff-add]").Click();
        cut.Find("input[data-testid=staff-role]").Input("cashier");
        cut.Find("input[data-testid=staff-started]").Input("2026-11-01");
        cut.Find("[data-testid=staff-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find("input[data-testid=staff-name]").GetAttribute("data-error")));

        cut.Find("input[data-testid=staff-name]").Input("Zhao Lei");
        cut.Find("[data-testid=staff-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Zhao Lei", cut.Find("[data-testid=roster]").TextContent));
        Assert.Contains("never trained", cut.Find("[data-testid=roster]").TextContent, StringComparison.OrdinalIgnoreCase);

        // The book's announcement of the new person may render the roster again at any moment: find and click in one
        // dispatcher turn, so the button clicked is the one in the current render tree.
        await cut.InvokeAsync(() => cut.Find($"[data-testid=staff-{leaver.Id}] [data-testid=staff-left]").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=staff-left-confirm]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Wang Fang", cut.Find("[data-testid=left-list]").TextContent));
        Assert.DoesNotContain("Wang Fang", cut.Find("[data-testid=roster]").TextContent);
        Assert.NotNull(Services.GetRequiredService<TrainingBook>().Staff(leaver.Id)!.LeftOn);
    }

    /// <summary>
    /// Beside each person still working at the store the action read "Left the store" / "已离职" — a status, so a manager
    /// took everyone on the roster for gone. It says what it does.
    /// </summary>
    [Theory]
    [InlineData("en", "Mark as left")]
    [InlineData("zh-CN", "标记为离职")]
    public void The_action_beside_a_person_still_at_the_store_says_it_marks_them_as_left(string language, string label)
    {
        var person = Hire("Wang Fang");
        SignInAsStoreManager("S-1");
        UseLanguage(language == "en" ? Languages.English : Languages.Chinese);

        var cut = Page();

        Assert.Equal(label, cut.Find($"[data-testid=staff-{person.Id}] [data-testid=staff-left]").TextContent.Trim());
    }

    /// <summary>
    /// The Chinese page called the share of people whose status is current (已达标) "有效" — valid — so a store whose staff
    /// were all due soon, their training still valid for weeks, read "0% 有效（3 人中 0 人）". The share uses the status's word.
    /// </summary>
    [Fact]
    public void The_chinese_share_of_staff_current_uses_the_word_of_the_current_status()
    {
        var wang = Hire("Wang Fang");
        Hire("Zhao Lei");
        foreach (var programme in DefaultProgrammes.All)
        {
            var draft = new SessionDraft("S-1", programme.Key, Training.Today("S-1"), "Chen Jie", [wang.Id], programme.Items.Select(i => i.Key).ToList());
            Assert.NotNull(Wait(() => Training.RecordSessionAsync(draft, MaintenanceActor.Bootstrap, null)).Value);
        }
        UseLanguage(Languages.Chinese);

        var cut = Page();

        Assert.Equal("50% 已达标（2 人中 1 人）", Compliance(cut).Trim());
        Assert.DoesNotContain("有效", cut.Markup);
    }

    [Fact]
    public void A_person_already_on_the_roster_is_refused_at_the_name_and_not_listed_twice()
    {
        var chen = Wait(() => Training.AddStaffAsync("S-1", "陈丽", "收银员", new DateOnly(2026, 1, 5), MaintenanceActor.Bootstrap, null)).Value!;
        SignInAsStoreManager("S-1");
        UseLanguage(Languages.Chinese);
        var cut = Page();

        cut.Find("[data-testid=staff-add]").Click();
        cut.Find("input[data-testid=staff-name]").Input(" 陈丽 ");
        cut.Find("input[data-testid=staff-role]").Input("收银员");
        cut.Find("input[data-testid=staff-started]").Input("2026-11-01");
        cut.Find("[data-testid=staff-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find("input[data-testid=staff-name]").GetAttribute("data-error")));
        Assert.Contains("陈丽（收银员）已在门店 S-1 的员工名单中。", cut.Find("[data-testid=staff-form]").TextContent);
        Assert.Equal([chen.Id], Services.GetRequiredService<TrainingBook>().StaffOf("S-1").Select(p => p.Id));
        Assert.Single(cut.FindAll("[data-testid=roster] tbody tr"));
    }

    [Fact]
    public void A_store_without_staff_asks_for_staff_before_a_session_and_offers_it_once_someone_is_added()
    {
        SignInAsStoreManager("S-1");
        var cut = Page();

        Assert.Empty(cut.FindAll("[data-testid=session-new]"));
        Assert.Equal("Add the staff first (Add a person), then record their training.", cut.Find("[data-testid=session-needs-staff]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=staff-add]"));

        Hire("Wang Fang");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=session-new]")));
        Assert.Empty(cut.FindAll("[data-testid=session-needs-staff]"));

        UseLanguage(Languages.Chinese);
        SignInAsStoreManager("S-2");
        var chinese = Page("S-2");
        Assert.Equal("请先添加员工（“添加员工”），再记录培训。", chinese.Find("[data-testid=session-needs-staff]").TextContent);
    }

    [Fact]
    public void A_session_recorded_elsewhere_shows_at_once_and_raises_the_compliance()
    {
        var a = Hire("Wang Fang");
        var b = Hire("Zhao Lei");
        var cut = Page();
        Assert.Contains("(0 of 2)", Compliance(cut));
        Assert.NotNull(cut.Find("[data-testid=sessions-none]"));

        var programme = DefaultProgrammes.Find(DefaultProgrammes.CardPayment)!;
        var draft = new SessionDraft("S-1", programme.Key, Training.Today("S-1"), "Chen Jie", [a.Id, b.Id], programme.Items.Select(i => i.Key).ToList());
        Assert.NotNull(Wait(() => Training.RecordSessionAsync(draft, MaintenanceActor.Bootstrap, null)).Value);

        cut.WaitForAssertion(() => Assert.Contains("Chen Jie", cut.Find("[data-testid=sessions]").TextContent));
        Assert.Contains("2 of 2 completed", cut.Find("[data-testid=sessions]").TextContent);
        // Current in one programme of several is not current overall, but the person's chip for it turns current.
        Assert.Contains("current", cut.Find($"[data-testid=staff-{a.Id}] [data-testid=standing-card_payment]").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_session_form_refuses_a_day_in_the_future_and_an_empty_session_at_their_fields_then_records_per_person_ticks()
    {
        var a = Hire("Wang Fang");
        var b = Hire("Zhao Lei");
        SignInAsStoreManager("S-1");
        DrawOnEveryPad();
        var cut = RenderAt<TrainingPage>("stores/S-1/training?programme=power_failure", p => p.Add(x => x.Code, "S-1"));

        cut.Find("[data-testid=session-save]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=session-people-refusal]")));

        cut.Find($"[data-testid=trainee-{a.Id}] input[data-testid=trainee]").Change(true);
        cut.Find($"[data-testid=trainee-{b.Id}] input[data-testid=trainee]").Change(true);
        // The programme preselected from the address, as the overview's "plan a session" links: its items are offered.
        Assert.NotNull(cut.Find($"[data-testid=trainee-{a.Id}] input[data-testid=item-hold_goods]"));
        cut.Find($"[data-testid=trainee-{b.Id}] input[data-testid=item-note_case]").Change(false);
        cut.Find("input[data-testid=session-held]").Input("2099-01-01");
        cut.Find("[data-testid=session-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find("input[data-testid=session-held]").GetAttribute("data-error")));

        cut.Find("input[data-testid=session-held]").Input(Training.Today("S-1").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=session-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("1 of 2 completed", cut.Find("[data-testid=sessions]").TextContent));
        var session = Assert.Single(Services.GetRequiredService<TrainingBook>().SessionsOf("S-1"));
        Assert.Equal(SignedInUser!.DisplayName, session.Trainer);
        Assert.DoesNotContain("note_case", session.CompletedBy(b.Id));
        Assert.Contains("note_case", session.CompletedBy(a.Id));
        Assert.Contains("Zhao Lei", cut.Find("[data-testid=session-detail]").TextContent);
        Assert.True(session.FullySigned);
        Assert.Equal([$"api/v1/training/sessions/{session.Id}/signatures/trainer", $"api/v1/training/sessions/{session.Id}/signatures/{a.Id}",
                $"api/v1/training/sessions/{session.Id}/signatures/{b.Id}"],
            cut.FindAll("[data-testid=session-detail] img[data-testid=signature-image]").Select(i => i.GetAttribute("src")));
    }

    [Fact]
    public void A_session_is_not_recorded_until_every_person_trained_and_the_trainer_have_signed()
    {
        var a = Hire("Wang Fang");
        Hire("Zhao Lei");
        SignInAsStoreManager("S-1");
        var cut = RenderAt<TrainingPage>("stores/S-1/training?programme=card_payment", p => p.Add(x => x.Code, "S-1"));

        cut.Find($"[data-testid=trainee-{a.Id}] input[data-testid=trainee]").Change(true);
        Assert.Single(cut.FindAll($"[data-testid=trainee-{a.Id}] [data-testid=signature-pad]"));
        Assert.Single(cut.FindAll("[data-testid=trainer-signature] [data-testid=signature-pad]"));
        cut.Find("[data-testid=session-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Still to sign: Wang Fang. Everyone trained signs the session.",
            cut.Find("[data-testid=session-people-refusal]").TextContent.Trim()));
        Assert.Empty(Services.GetRequiredService<TrainingBook>().SessionsOf("S-1"));
        Assert.NotNull(cut.Find("[data-testid=session-form]"));
    }

    [Fact]
    public void A_session_recorded_without_signatures_through_the_api_reads_not_signed()
    {
        var a = Hire("Wang Fang");
        var programme = DefaultProgrammes.Find(DefaultProgrammes.CardPayment)!;
        var draft = new SessionDraft("S-1", programme.Key, Training.Today("S-1"), "Chen Jie", [a.Id], programme.Items.Select(i => i.Key).ToList());
        var session = Wait(() => Training.RecordSessionAsync(draft, MaintenanceActor.Bootstrap, null)).Value!;
        var cut = Page();
        Assert.Contains("1 person", cut.Find($"[data-testid=session-{session.Id}]").TextContent); // not "1 people"

        cut.Find($"[data-testid=session-{session.Id}]").Click();

        Assert.Equal("not signed", cut.Find("[data-testid=session-detail] [data-testid=not-signed]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=session-detail] img[data-testid=signature-image]"));
    }

    [Fact]
    public void A_refusal_names_the_forms_labels_in_Chinese_and_flags_every_missing_field_at_once()
    {
        SignInAsStoreManager("S-1");
        UseLanguage(Languages.Chinese);
        var cut = Page();

        cut.Find("[data-testid=staff-add]").Click();
        cut.Find("input[data-testid=staff-name]").Input("Zhao Lei");
        cut.Find("[data-testid=staff-save]").Click();

        // The role and the day started are both flagged, each by the label the form shows, never by the wire name.
        var form = cut.Find("[data-testid=staff-form]").TextContent;
        Assert.Contains("请填写“岗位”。", form);
        Assert.Contains("请填写“入职日期”。", form);
        Assert.DoesNotContain("role", form);
        Assert.DoesNotContain("startedOn", form);
    }

    [Fact]
    public void A_session_with_nobody_ticked_and_no_trainer_says_so_by_the_forms_words()
    {
        Hire("Wang Fang");
        SignInAsStoreManager("S-1");
        var cut = RenderAt<TrainingPage>("stores/S-1/training?programme=card_payment", p => p.Add(x => x.Code, "S-1"));

        cut.Find("input[data-testid=session-trainer]").Input("");
        cut.Find("[data-testid=session-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Tick at least one staff member who was trained.", cut.Find("[data-testid=session-people-refusal]").TextContent.Trim()));
        Assert.Equal("yes", cut.Find("input[data-testid=session-trainer]").GetAttribute("data-error"));
        Assert.Contains("'Trainer' is required.", cut.Find("[data-testid=session-form]").TextContent);
        Assert.DoesNotContain("staffIds", cut.Find("[data-testid=session-form]").TextContent);
    }

    [Fact]
    public void A_refusal_at_a_field_goes_once_that_field_is_changed()
    {
        var a = Hire("Wang Fang");
        SignInAsStoreManager("S-1");
        UseLanguage(Languages.Chinese);
        var cut = RenderAt<TrainingPage>("stores/S-1/training?programme=card_payment", p => p.Add(x => x.Code, "S-1"));
        cut.Find("input[data-testid=session-trainer]").Input("");
        cut.Find("[data-testid=session-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("请至少勾选一名参加培训的员工。", cut.Find("[data-testid=session-people-refusal]").TextContent.Trim()));
        Assert.Equal("yes", cut.Find("input[data-testid=session-trainer]").GetAttribute("data-error"));

        cut.Find($"[data-testid=trainee-{a.Id}] input[data-testid=trainee]").Change(true);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=session-people-refusal]")));
        // The trainer's refusal stays until the trainer is typed: only the field changed loses its refusal.
        Assert.Equal("yes", cut.Find("input[data-testid=session-trainer]").GetAttribute("data-error"));

        cut.Find("input[data-testid=session-trainer]").Input("Chen Jie");
        cut.WaitForAssertion(() => Assert.Equal("no", cut.Find("input[data-testid=session-trainer]").GetAttribute("data-error")));
    }

    [Fact]
    public void Each_pad_tells_whoever_signs_there_to_sign_not_the_store_manager()
    {
        var a = Hire("Wang Fang");
        SignInAsStoreManager("S-1");
        var cut = RenderAt<TrainingPage>("stores/S-1/training?programme=card_payment", p => p.Add(x => x.Code, "S-1"));

        cut.Find($"[data-testid=trainee-{a.Id}] input[data-testid=trainee]").Change(true);

        Assert.Equal("Wang Fang signs here with a finger or stylus.", cut.Find($"[data-testid=trainee-{a.Id}] [data-testid=signature-hint]").TextContent);
        Assert.Equal("The trainer signs here with a finger or stylus.", cut.Find("[data-testid=trainer-signature] [data-testid=signature-hint]").TextContent);
        Assert.DoesNotContain("store manager", cut.Find("[data-testid=session-form]").TextContent);
    }

    [Fact]
    public void The_view_lives_in_the_address_so_a_reload_brings_it_back_and_a_link_changes_it()
    {
        var wang = Hire("Wang Fang");
        var li = Hire("Li Na");
        var programme = DefaultProgrammes.Find(DefaultProgrammes.CardPayment)!;
        var held = Wait(() => Training.RecordSessionAsync(new SessionDraft("S-1", programme.Key, Training.Today("S-1"), "Chen Jie", [wang.Id],
            programme.Items.Select(i => i.Key).ToList()), MaintenanceActor.Bootstrap, null)).Value!;
        Assert.NotNull(Wait(() => Training.MarkLeftAsync("S-1", li.Id, MaintenanceActor.Bootstrap, null)).Value);
        SignInAsStoreManager("S-1");
        var cut = RenderAt<TrainingPage>("stores/S-1/training", p => p.Add(x => x.Code, "S-1"));
        // Nothing chosen yet: no form, no session opened, the people who left folded behind the switch.
        Assert.Empty(cut.FindAll("[data-testid=session-form]"));
        Assert.Empty(cut.FindAll("[data-testid=session-detail]"));
        Assert.Empty(cut.FindAll("[data-testid=left-list]"));

        cut.Find($"[data-testid=session-{held.Id}]").Click();
        cut.Find("input[data-testid=show-left], [data-testid=show-left] input").Change(true);
        cut.Find("[data-testid=session-new]").Click();
        Assert.Contains("Chen Jie", cut.Find("[data-testid=sessions]").TextContent);
        var address = new Uri(Navigation.Uri).PathAndQuery.TrimStart('/');
        Assert.Contains($"session={held.Id}", address);
        Assert.Contains("left=1", address);
        Assert.Contains("programme=card_payment", address);

        // A reload: the page opened afresh at that address shows the same view.
        var reloaded = RenderAt<TrainingPage>(address, p => p.Add(x => x.Code, "S-1"));
        Assert.NotNull(reloaded.Find("[data-testid=session-form]"));
        Assert.Contains("Wang Fang", reloaded.Find("[data-testid=session-detail]").TextContent);
        Assert.Contains("Li Na", reloaded.Find("[data-testid=left-list]").TextContent);

        // A link to the same page with another programme (the overview's "plan a session") switches the open form.
        Navigation.NavigateTo("stores/S-1/training?programme=power_failure");
        reloaded.Find($"[data-testid=trainee-{wang.Id}] input[data-testid=trainee]").Change(true);
        reloaded.WaitForAssertion(() => Assert.NotNull(reloaded.Find($"[data-testid=trainee-{wang.Id}] input[data-testid=item-hold_goods]")));
        Assert.Empty(reloaded.FindAll("[data-testid=session-detail]"));
        Assert.Empty(reloaded.FindAll("[data-testid=left-list]"));

        // The menu's bare link closes everything again.
        Navigation.NavigateTo("stores/S-1/training");
        reloaded.WaitForAssertion(() => Assert.Empty(reloaded.FindAll("[data-testid=session-form]")));
    }

    [Fact]
    public void A_technician_reads_the_roster_without_editing_and_a_manager_of_another_store_finds_nothing()
    {
        Hire("Wang Fang");
        SignInAsTechnician("S-1");
        var cut = Page();
        Assert.Contains("Wang Fang", cut.Find("[data-testid=roster]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=staff-add]"));
        Assert.Empty(cut.FindAll("[data-testid=staff-left]"));
        Assert.Empty(cut.FindAll("[data-testid=session-new]")); // no work here assigned to them: no visit to train at

        SignInAsStoreManager("S-2");
        var other = Page();
        Assert.Empty(other.FindAll("[data-testid=roster]"));
        Assert.NotNull(other.Find("[data-testid=not-found]"));
    }

    [Fact]
    public void The_page_reads_in_Chinese()
    {
        Hire("Wang Fang");
        UseLanguage(Languages.Chinese);
        var cut = Page();
        Assert.Contains("门店 S-1 的培训", cut.Markup);
        Assert.Contains("从未培训", cut.Find("[data-testid=roster]").TextContent);
    }
}
