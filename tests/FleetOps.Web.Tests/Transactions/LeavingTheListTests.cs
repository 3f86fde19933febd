using FleetOps.Core.Transactions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A transaction leaves the unsettled list by itself when its settled, reversed or voided event arrives (docs/api.md §3);
/// a sale reversed after a power loss is a lost sale: off the list, but kept to be shown as "sale lost".
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class LeavingTheListTests(UnsettledClockApp app)
{
    [Theory]
    [InlineData("incomplete", "voided")]
    [InlineData("incomplete", "reversed")]
    [InlineData("interrupted_by_power_loss", "voided")]
    [InlineData("not_settled", "settled")]
    [InlineData("not_settled", "voided")]
    [InlineData("authorization_expiring", "settled")]
    public async Task Listed_sale_leaves_the_list_when_its_closing_stage_arrives(string reason, string closingStage)
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync(reason, "000777-0001", t);
        Assert.Equal(reason, await app.ReasonAsync(till, "000777-0001"));

        await till.SendAsync(Sale("close-1", t.AddSeconds(-1), "000777-0001", closingStage)); // no sweep: on arrival

        Assert.Null(await app.ReasonAsync(till, "000777-0001"));
        Assert.Equal(0, (await app.UnsettledInAsync(till.Store))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Interrupted_sale_reversed_after_the_power_loss_leaves_the_list_as_a_lost_sale()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Heartbeat("hb-1", t.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", t, "000777-0002", "authorized"));
        app.SweepAt(t.AddSeconds(45));
        await till.SendAsync(Heartbeat("hb-2", t.AddSeconds(45), bootId: "boot-B", uptimeSeconds: 15));
        app.PassDeadline(t.AddSeconds(300));
        await app.ReasonBecomesAsync(till, "000777-0002", "interrupted_by_power_loss");

        await till.SendAsync(Sale("tx-2", t.AddSeconds(301), "000777-0002", "reversed"));

        Assert.Null(await app.ReasonAsync(till, "000777-0002"));
        var lost = Assert.Single(app.GetService<TransactionBook>().LostSales, s => s.TerminalId == till.TerminalId);
        Assert.Equal("000777-0002", lost.TransactionId);
        Assert.True(lost.Verdict.SaleLost);
    }

    [Fact]
    public async Task Reversal_sent_before_the_heartbeat_that_reveals_the_reboot_is_still_a_lost_sale()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Heartbeat("hb-1", t.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", t, "000777-0004", "authorized"));
        app.SweepAt(t.AddSeconds(60));

        await till.SendAsync(Sale("tx-2", t.AddSeconds(50), "000777-0004", "reversed")); // sent while booting ...
        await till.SendAsync(Heartbeat("hb-2", t.AddSeconds(55), bootId: "boot-B", uptimeSeconds: 10)); // ... before the first heartbeat

        Assert.Null(await app.ReasonAsync(till, "000777-0004"));
        Assert.Contains(app.GetService<TransactionBook>().LostSales, s => s.TerminalId == till.TerminalId && s.TransactionId == "000777-0004");
    }

    [Fact]
    public async Task Reversal_whose_power_loss_arrives_in_a_later_backlog_becomes_a_lost_sale()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Sale("tx-1", t.AddMinutes(-10), "000777-0005", "authorized"), Sale("tx-2", t.AddMinutes(-8), "000777-0005", "reversed"));
        Assert.DoesNotContain(app.GetService<TransactionBook>().LostSales, s => s.TerminalId == till.TerminalId);

        await till.SendAsync(Power("p-1", t.AddMinutes(-10).AddSeconds(20), "lost"));

        Assert.Contains(app.GetService<TransactionBook>().LostSales, s => s.TerminalId == till.TerminalId && s.TransactionId == "000777-0005");
    }

    [Fact]
    public async Task Sale_reversed_without_a_power_loss_is_not_a_lost_sale()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("incomplete", "000777-0003", t);

        await till.SendAsync(Sale("tx-r", t, "000777-0003", "reversed"));

        Assert.Null(await app.ReasonAsync(till, "000777-0003"));
        Assert.DoesNotContain(app.GetService<TransactionBook>().LostSales, s => s.TerminalId == till.TerminalId);
    }
}
