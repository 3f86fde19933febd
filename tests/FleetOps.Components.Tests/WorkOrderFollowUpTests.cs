using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;

namespace FleetOps.Components.Tests;

/// <summary>
/// Signing and follow-ups on one work order's page (issue 14): the store manager signs on a pad (an empty pad is no
/// signature); a flagged item of done work raises a follow-up, linked both ways and raised once, titled in the reader's
/// language; both speak Chinese. The work order is <see cref="UpsTestWorkOrderPageTest"/>'s.
/// </summary>
public sealed class WorkOrderFollowUpTests : UpsTestWorkOrderPageTest
{
    [Fact]
    public void The_store_manager_signs_on_a_pad_and_a_typed_name_with_an_empty_pad_is_not_a_signature()
    {
        var cut = OpenAsTechnician();
        var signature = cut.Find("[data-testid=item-manager_signature]");
        Assert.NotNull(signature.QuerySelector("canvas[data-testid=signature-canvas]"));
        Assert.NotNull(signature.QuerySelector("[data-testid=signature-clear]"));
        AnswerAllButTheDrawing(cut);

        cut.Find("[data-testid=complete]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Store manager's signature — required, not answered", cut.Find("[data-testid=completion-refused]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=completion-refused] li"));
        Assert.Contains("required, not answered", cut.Find("[data-testid=item-manager_signature] [data-testid=item-problem]").TextContent);
        Assert.Equal(WorkOrderState.InProgress, Maintenance.Get(Order.Id)!.State);
    }

    [Fact]
    public void A_failed_item_of_done_work_raises_a_follow_up_that_links_back_and_is_raised_once()
    {
        CompleteWithFailedSelfTest();
        var cut = OpenAsTechnician(started: false);
        Assert.Empty(cut.FindAll("[data-testid=item-adapter_ok] [data-testid=raise-follow-up]")); // it passed

        cut.Find("[data-testid=item-ups_self_test] [data-testid=raise-follow-up]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=item-ups_self_test] [data-testid=follow-up-link]")));
        var followUp = Assert.Single(Maintenance.FollowUpsOf(Order.Id));
        Assert.Equal((WorkOrderKind.Repair, WorkOrderPriority.High), (followUp.Kind, followUp.Priority));
        Assert.Contains($"Follow-up #{followUp.Id}", cut.Find("[data-testid=item-ups_self_test] [data-testid=follow-up-link]").TextContent);
        Assert.Contains("Follow-up: UPS self-test passes — failed", cut.Find("[data-testid=follow-ups]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=raise-follow-up]"));
        cut.Dispose();

        var child = Render<WorkOrderPage>(p => p.Add(c => c.Id, followUp.Id));
        Assert.Contains($"Follow-up of #{Order.Id}: UPS test", child.Find("[data-testid=follow-up-of]").TextContent);
        Assert.Equal(WorkOrdersPage.PathOf(Order.Id), child.Find("[data-testid=follow-up-of]").GetAttribute("href"));
        // Whoever goes to put it right reads what the visit before found, not only that it failed.
        Assert.Equal("Note: self-test beeps", child.Find("[data-testid=follow-up-finding]").TextContent.Trim());
    }

    [Fact]
    public void Signing_and_follow_ups_speak_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var cut = OpenAsTechnician();
        Assert.Contains("清除", cut.Find("[data-testid=signature-clear]").TextContent);
        Assert.Contains("请店长用手指或触控笔在此处签名", cut.Find("[data-testid=signature-pad]").TextContent);
        cut.Dispose();

        Wait(() => Service.CompleteAsync(Order.Id,
        [
            new("adapter_ok", "true"), new("mains_voltage", "231"), new("ups_self_test", "false"), new("ups_runtime", "12"),
            new("surge_protection", "true"), new("manager_signature", Signed()),
        ], "王丽", MaintenanceActor.Of(Technician), null));
        var done = OpenAsTechnician(started: false);

        Assert.Contains("发起后续工单", done.Find("[data-testid=item-ups_self_test] [data-testid=raise-follow-up]").TextContent);
        Assert.Contains("由 王丽 于", done.Find("[data-testid=item-manager_signature]").TextContent);
    }

    [Fact]
    public void Follow_up_titles_are_written_in_English_and_read_in_the_readers_language_and_a_typed_title_is_left_alone()
    {
        Wait(() => Service.StartAsync(Order.Id, MaintenanceActor.Of(Technician), null));
        Wait(() => Service.CompleteAsync(Order.Id,
        [
            new("adapter_ok", "true"), new("mains_voltage", "231"), new("ups_self_test", "false"), new("ups_runtime", "8", "battery worn"),
            new("surge_protection", "true"), new("manager_signature", Signed()),
        ], "Wang Li", MaintenanceActor.Of(Technician), null));
        var selfTest = Wait(() => Service.RaiseFollowUpAsync(Order.Id, "ups_self_test", MaintenanceActor.Of(Technician), null)).Value!;
        var runtime = Wait(() => Service.RaiseFollowUpAsync(Order.Id, "ups_runtime", MaintenanceActor.Of(Technician), null)).Value!;
        Assert.Equal(("Follow-up: UPS self-test passes — failed", "Follow-up: UPS runtime on battery — 8 minutes"), (selfTest.Title, runtime.Title));
        SignIn(Technician);
        UseLanguage(Languages.Chinese);

        var parent = Render<WorkOrderPage>(p => p.Add(c => c.Id, Order.Id));

        var listed = parent.FindAll("[data-testid=follow-up]").Select(l => l.TextContent).ToList();
        Assert.Equal([$"工单 {selfTest.Id} · 后续：UPS 自检通过 — 不合格", $"工单 {runtime.Id} · 后续：UPS 电池供电时长 — 8 分钟"], listed);
        Assert.Equal("UPS test", parent.Find("[data-testid=work-order-title]").TextContent.Trim()); // typed by a person: as written
        var child = Render<WorkOrderPage>(p => p.Add(c => c.Id, runtime.Id));
        Assert.Equal("后续：UPS 电池供电时长 — 8 分钟", child.Find("[data-testid=work-order-title]").TextContent.Trim());
        Assert.Contains($"#{Order.Id} 的后续工单：UPS test", child.Find("[data-testid=follow-up-of]").TextContent);
    }
}
