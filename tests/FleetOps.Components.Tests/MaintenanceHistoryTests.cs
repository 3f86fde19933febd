using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

/// <summary>Maintenance history on the terminal and store pages, and "the fix did not work" (issue 14 item 6).</summary>
public sealed class MaintenanceHistoryTests : FleetComponentTest
{
    public MaintenanceHistoryTests()
    {
        AddStore("S-1");
        Register("S-1", "T-1", "T-2");
        Heartbeat("T-1");
        Heartbeat("T-2");
    }

    /// <summary>Power work at the terminal (or the store, with no terminal) done <paramref name="ago"/>, signed by the manager.</summary>
    private WorkOrder PowerWorkDone(TimeSpan ago, string? terminalId = "T-1")
    {
        var order = AddWorkOrder("S-1", terminalId is null ? "UPS installed" : "Power inspection", TimeSpan.FromDays(1), terminalId);
        var done = order with { Kind = WorkOrderKind.Power, State = WorkOrderState.Done, ClosedAt = Now - ago, SignedBy = "Mia Manager" };
        Maintenance.Put(done);
        return done;
    }

    [Fact]
    public void A_terminal_unstable_a_week_after_its_power_inspection_says_the_fix_did_not_work()
    {
        var fix = PowerWorkDone(TimeSpan.FromDays(8));
        PowerLoss("T-1", TimeSpan.FromHours(4));
        PowerLoss("T-1", TimeSpan.FromHours(3));
        PowerLoss("T-1", TimeSpan.FromHours(2));

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        var warning = cut.WaitForElement("[data-testid=fix-did-not-work]");
        Assert.Contains("Power inspection", warning.TextContent);
        Assert.Contains("signed by Mia Manager", cut.Find($"[data-testid=history-{fix.Id}]").TextContent);
    }

    [Fact]
    public void A_terminal_whose_power_held_after_the_inspection_shows_its_history_without_a_warning()
    {
        var fix = PowerWorkDone(TimeSpan.FromDays(8));

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForElement($"[data-testid=history-{fix.Id}]");
        Assert.Empty(cut.FindAll("[data-testid=fix-did-not-work]"));
    }

    [Fact]
    public void The_store_page_lists_the_stores_work_and_a_new_work_order_appears_without_reload()
    {
        var visit = PowerWorkDone(TimeSpan.FromDays(2), terminalId: null);
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));
        cut.WaitForElement($"[data-testid=history-{visit.Id}]");

        var added = AddWorkOrder("S-1", "Card reader cleaning", TimeSpan.FromDays(3), "T-2");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("open", cut.Find($"[data-testid=history-{added.Id}]").GetAttribute("data-state")));
    }

    [Fact]
    public void The_history_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        PowerWorkDone(TimeSpan.FromDays(2), terminalId: null);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForAssertion(() => Assert.Contains("维护记录", cut.Find("[data-testid=maintenance-history]").TextContent));
        Assert.Contains("门店上门", cut.Find("[data-testid=maintenance-history]").TextContent);
        // A visit's day and time to the minute, on the store's clock: seconds said nothing to a manager here.
        Assert.Matches(@"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2} \+08:00", cut.Find("[data-testid=maintenance-history]").TextContent);
        Assert.DoesNotMatch(@"\d{1,2}:\d{2}:\d{2} \+08:00", cut.Find("[data-testid=maintenance-history]").TextContent);
    }
}
