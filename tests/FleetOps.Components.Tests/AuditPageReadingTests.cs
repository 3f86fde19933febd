using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// A technician's visit as the audit log tells it to a Chinese administrator (found by an outside tester): the booking's
/// time on the reader's clock, not "2026-12-10 01:00:00Z"; a photo by its item's label, not "ups_photo"; the visit's mute
/// as the alerts page names it, not "maintenance visit …"; work resumed after waiting in words, not "in_progress: …".
/// And the times on the chain's clock with the zone named, not in UTC; every column at a tablet's width.
/// </summary>
public sealed class AuditPageReadingTests : FleetComponentTest
{
    [Fact]
    public void A_visit_reads_in_Chinese_with_times_on_the_readers_clock_item_labels_and_the_visits_words()
    {
        AddStore("S-1");
        Register("S-1", "T-1");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Li Gong");
        var order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.PowerUps), technician, TimeSpan.FromHours(1));
        var service = Services.GetRequiredService<MaintenanceService>();
        var actor = MaintenanceActor.Of(technician);
        Assert.NotNull(Wait(() => service.StartAsync(order.Id, actor, null)).Value);
        Assert.NotNull(Wait(() => service.WaitAsync(order.Id, "等待备件", actor, null)).Value);
        Assert.NotNull(Wait(() => service.StartAsync(order.Id, actor, null)).Value);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.NotNull(Wait(() => Services.GetRequiredService<WorkOrderPhotos>().AddAsync(order.Id, "ups_photo", new MemoryStream(png), actor, null)).Value);
        UseLanguage(Languages.Chinese);

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.Contains("照片 UPS 显示屏照片，", cut.Find("[data-testid=audit-table]").TextContent));
        var details = cut.FindAll("[data-testid=audit-table] tbody td.fo-details").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains(details, d => d.StartsWith($"已预约给 {technician.Email}，", StringComparison.Ordinal));
        Assert.Contains("等待后继续：等待备件", details);
        Assert.Contains(details, d => d.EndsWith("：维护上门：UPS test", StringComparison.Ordinal));
        Assert.Contains("维护上门：UPS test", details); // the first visit's mute, ended by the wait
        Assert.DoesNotContain(details, d => d.Contains("ups_photo", StringComparison.Ordinal) || d.Contains("maintenance visit", StringComparison.Ordinal)
            || d.Contains("in_progress", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(d, @"\d\d:\d\d:\d\dZ"));
    }

    [Fact]
    public async Task Times_are_on_the_chains_clock_with_the_zone_named_and_every_column_stays_at_a_tablets_width()
    {
        AddStore("S-1"); // Shanghai
        await Services.GetRequiredService<AuditLog>().RecordAsync("regional.manager.east@fleetops.demo", AuditActions.SignInFailed,
            "regional.manager.east@fleetops.demo", "wrong password", "10.1.2.3");

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=audit-from]")));
        Assert.Contains("When (China Standard Time)", cut.Find("[data-testid=audit-table] thead").TextContent);
        Assert.EndsWith("+08:00", cut.Find("[data-testid=audit-when]").TextContent.Trim());
        // The source address is not folded away between phone and desk widths (fo-col-tablet), and an e-mail wraps only
        // before its '@' or a '.', each piece kept whole.
        Assert.Empty(cut.FindAll("[data-testid=audit-table] .fo-col-tablet"));
        Assert.Equal("10.1.2.3", cut.Find("[data-testid=audit-from]").TextContent.Trim()); // newest first
        var who = cut.Find("[data-testid=audit-table] tbody tr td:nth-child(2)");
        Assert.DoesNotContain("anywhere", who.GetAttribute("style") ?? "");
        Assert.Equal(["regional", ".manager", ".east", "@fleetops", ".demo"], who.QuerySelectorAll(".fo-email > .nowrap").Select(p => p.TextContent));

        UseLanguage(Languages.Chinese);
        cut = Render<Audit>();
        cut.WaitForAssertion(() => Assert.Contains("时间（北京时间）", cut.Find("[data-testid=audit-table] thead").TextContent));
        Assert.DoesNotContain("UTC", cut.Find("[data-testid=audit-table]").TextContent);
    }
}
