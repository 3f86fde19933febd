using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// A cancelled work order's page says when it was cancelled (and why, when a reason was given: without one it said
/// nothing at all), and does not list its checklist as a column of "Not answered": only what was recorded before the
/// cancel is shown. S-1 (Shanghai, UTC+8): T-1, a power supply and UPS test booked to Li Gong.
/// </summary>
public sealed class CancelledWorkOrderPageTests : FleetComponentTest
{
    private readonly UserAccess _technician;
    private readonly WorkOrder _order;

    public CancelledWorkOrderPageTests()
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        Register("S-1", "T-1");
        _technician = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Li Gong");
        _order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.PowerUps), _technician, TimeSpan.FromHours(1));
    }

    private MaintenanceService Service => Services.GetRequiredService<MaintenanceService>();

    private void Cancel(string? reason)
    {
        Clock.Advance(TimeSpan.FromHours(2)); // 25 Nov 2026 10:00 in Shanghai
        Assert.NotNull(Wait(() => Service.CancelAsync(_order.Id, reason, MaintenanceActor.Bootstrap, null)).Value);
    }

    private IRenderedComponent<WorkOrderPage> Open()
    {
        SignIn(_technician);
        return Render<WorkOrderPage>(p => p.Add(c => c.Id, _order.Id));
    }

    [Fact]
    public void A_work_order_cancelled_without_a_reason_says_when_and_lists_no_unanswered_items()
    {
        Cancel(reason: null);

        var cut = Open();

        cut.WaitForAssertion(() => Assert.Equal("Cancelled at 25 Nov 2026 10:00:00 +08:00", cut.Find("[data-testid=work-order-reason]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid^=item-][data-flagged]"));
        Assert.DoesNotContain("Not answered", cut.Markup);
        Assert.Equal("The work was cancelled before anything on its checklist was recorded.", cut.Find("[data-testid=checklist-cancelled]").TextContent.Trim());
    }

    [Fact]
    public void A_work_order_cancelled_after_a_photo_shows_the_reason_and_that_photo_only()
    {
        Wait(() => Service.StartAsync(_order.Id, MaintenanceActor.Of(_technician), null));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.NotNull(Wait(() => Services.GetRequiredService<WorkOrderPhotos>().AddAsync(_order.Id, "ups_photo", new MemoryStream(png),
            MaintenanceActor.Of(_technician), null)).Value);
        Cancel("store closed for refit until January");

        var cut = Open();

        cut.WaitForAssertion(() => Assert.Equal("Cancelled at 25 Nov 2026 10:00:00 +08:00: store closed for refit until January",
            cut.Find("[data-testid=work-order-reason]").TextContent.Trim()));
        var card = Assert.Single(cut.FindAll("[data-testid^=item-][data-flagged]"));
        Assert.Equal("item-ups_photo", card.GetAttribute("data-testid"));
        Assert.Single(card.QuerySelectorAll("img[data-testid=photo]"));
        Assert.Empty(cut.FindAll("[data-testid=checklist-cancelled]"));
    }

    [Fact]
    public void A_cancelled_work_order_reads_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        Cancel("门店装修");

        var cut = Open();

        cut.WaitForAssertion(() => Assert.Equal("已于 2026/11/25 10:00:00 +08:00 取消：门店装修", cut.Find("[data-testid=work-order-reason]").TextContent.Trim()));
        Assert.Equal("该工单在清单中尚未记录任何内容时即已取消。", cut.Find("[data-testid=checklist-cancelled]").TextContent.Trim());
    }
}
