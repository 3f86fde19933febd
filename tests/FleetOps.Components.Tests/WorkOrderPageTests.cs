using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;

namespace FleetOps.Components.Tests;

/// <summary>
/// One work order's page (issue 14), how it reads: the booking and due time to the minute on the store's clock, the page
/// in Chinese, and the alert the work was raised from. The checklist, follow-ups and the work's states have their own
/// tests (<see cref="WorkOrderChecklistTests"/>, <see cref="WorkOrderFollowUpTests"/>, <see cref="WorkOrderFlowTests"/>).
/// </summary>
public sealed class WorkOrderPageTests : UpsTestWorkOrderPageTest
{
    [Fact]
    public void The_booking_and_the_due_time_read_to_the_minute_on_the_stores_clock()
    {
        var cut = OpenAsTechnician(started: false);

        // Booked an hour from 08:00 in Shanghai for an hour, due a day from now: no seconds, the date said once.
        Assert.Equal("25 Nov 2026 09:00–10:00 +08:00 · Li Gong", cut.Find("[data-testid=work-order-booking]").TextContent.Trim());
        Assert.Contains("26 Nov 2026 08:00 +08:00", cut.Find("[data-testid=work-order-facts]").TextContent);
        Assert.DoesNotContain(":00:00", cut.Find("[data-testid=work-order-facts]").TextContent);
    }

    [Fact]
    public void The_work_order_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = OpenAsTechnician();

        Assert.Contains("电源与 UPS 测试", cut.Markup);
        Assert.Contains("UPS 电池供电时长", cut.Find("[data-testid=item-ups_runtime]").TextContent);
        Assert.Contains("进行中", cut.Find("[data-testid=work-order-state]").TextContent);
        Assert.Contains("完成", cut.Find("[data-testid=complete]").TextContent);
        Assert.Contains("通过", cut.Find("[data-testid=item-adapter_ok] [data-testid=pass]").TextContent);
    }

    /// <summary>A work order raised from an alert that occurred <paramref name="occurrences"/> times, its page as the technician opens it.</summary>
    private IRenderedComponent<WorkOrderPage> RaisedFromAlert(int occurrences)
    {
        long alertId;
        using (var db = Database.Factory.CreateDbContext())
        {
            var row = new FleetOps.Web.Persistence.AlertRow
            {
                Kind = "unstable_power", Severity = "warning", StoreCode = "S-1", TerminalId = "T-1", State = "open",
                OpenedAtMs = Now.AddHours(-3).ToUnixTimeMilliseconds(), LastSeenAtMs = Now.ToUnixTimeMilliseconds(), Occurrences = occurrences,
            };
            db.Alerts.Add(row);
            db.SaveChanges();
            alertId = row.Id;
        }
        var created = Wait(() => Service.CreateAsync(new WorkOrderDraft("S-1", "T-1", "Check the power", WorkOrderKind.Repair, WorkOrderPriority.High,
            Now.AddDays(1), DefaultChecklists.PowerUps, alertId), MaintenanceActor.Bootstrap, null));
        var booked = BookWork(created.Value!, Technician, TimeSpan.FromHours(2));
        SignIn(Technician);
        return Render<WorkOrderPage>(p => p.Add(c => c.Id, booked.Id));
    }

    [Theory]
    [InlineData(1, "seen 1 time")]
    [InlineData(3, "seen 3 times")]
    public void The_alert_the_work_was_raised_from_says_how_often_it_was_seen_in_words_that_fit_the_count(int occurrences, string said)
    {
        var cut = RaisedFromAlert(occurrences);

        cut.WaitForAssertion(() => Assert.Contains(said, cut.Find("[data-testid=work-order-alert]").TextContent));
        Assert.DoesNotContain("1 times", cut.Find("[data-testid=work-order-alert]").TextContent);
    }
}
