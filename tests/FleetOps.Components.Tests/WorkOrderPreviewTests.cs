using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// A work order's checklist before the work is done reads as what the visit will ask — pass or fail, a reading and its
/// limits, a photo, a signature — not as a column of "Not answered", and gives nothing to type into. S-1: T-1 and a
/// technician with a terminal inspection booked.
/// </summary>
public sealed class WorkOrderPreviewTests : FleetComponentTest
{
    private readonly UserAccess _technician;

    public WorkOrderPreviewTests()
    {
        AddStore("S-1");
        Register("S-1", "T-1");
        _technician = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Li Gong");
    }

    private IRenderedComponent<WorkOrderPage> Booked(string checklist)
    {
        var order = BookWork(AddWorkOrder("S-1", "Visit", TimeSpan.FromDays(1), terminalId: "T-1", checklist: checklist), _technician, TimeSpan.FromHours(1));
        SignIn(_technician);
        return Render<WorkOrderPage>(p => p.Add(c => c.Id, order.Id));
    }

    private static string Expected(IRenderedComponent<WorkOrderPage> cut, string item) =>
        cut.Find($"[data-testid=item-{item}] [data-testid=item-expected]").TextContent.Trim();

    [Fact]
    public void Before_the_start_each_item_says_what_it_will_ask_and_there_is_nothing_to_type_into()
    {
        var cut = Booked(DefaultChecklists.TerminalInspection);

        cut.WaitForAssertion(() => Assert.Equal("Pass or fail", Expected(cut, "housing_intact")));
        Assert.Equal("A reading, expected 2–5 bars", Expected(cut, "signal_bars"));
        Assert.Equal("A photo", Expected(cut, "terminal_photo"));
        Assert.Equal("A written answer", Expected(cut, "remarks"));
        Assert.Equal("A signature, drawn on the screen", Expected(cut, "manager_signature"));
        Assert.DoesNotContain("Not answered", cut.Markup);
        Assert.Empty(cut.FindAll("input, textarea"));
    }

    [Fact]
    public void A_reading_with_only_a_lower_limit_says_so_and_the_preview_reads_in_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Booked(DefaultChecklists.PowerUps);

        cut.WaitForAssertion(() => Assert.Equal("读数，要求：207–253 V", Expected(cut, "mains_voltage")));
        Assert.Equal("读数，要求：至少 10 分钟", Expected(cut, "ups_runtime"));
        Assert.Equal("通过或不通过", Expected(cut, "ups_self_test"));
        Assert.Equal("在屏幕上手写签名", Expected(cut, "manager_signature"));
    }

    [Fact]
    public void Work_on_hold_still_previews_and_the_technician_at_work_gets_the_inputs_instead()
    {
        var order = BookWork(AddWorkOrder("S-1", "Visit", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.PowerUps), _technician, TimeSpan.FromHours(1));
        var service = Services.GetRequiredService<MaintenanceService>();
        Wait(() => service.StartAsync(order.Id, MaintenanceActor.Of(_technician), null));
        SignIn(_technician);

        var working = Render<WorkOrderPage>(p => p.Add(c => c.Id, order.Id));
        working.WaitForElement("[data-testid=item-mains_voltage] [data-testid=reading]");
        Assert.Empty(working.FindAll("[data-testid=item-expected]"));

        Wait(() => service.WaitAsync(order.Id, "waiting for a spare UPS", MaintenanceActor.Of(_technician), null));
        var waiting = Render<WorkOrderPage>(p => p.Add(c => c.Id, order.Id));
        waiting.WaitForAssertion(() => Assert.Equal("Pass or fail", Expected(waiting, "ups_self_test")));
    }
}
