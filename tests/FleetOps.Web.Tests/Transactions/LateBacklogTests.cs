using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A store-and-forward backlog arrives late, out of order and sometimes twice: the worklist orders by the terminal's
/// timestamps and counts each event once (docs/api.md §1 rules).
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class LateBacklogTests(UnsettledClockApp app)
{
    [Fact]
    public async Task Completion_sent_before_its_authorisation_in_one_request_is_never_flagged()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();

        await till.SendAsync(
            Sale("tx-2", t.AddMinutes(-9), "000321-0001", "completed"),
            Sale("tx-1", t.AddMinutes(-10), "000321-0001", "authorized"));

        Assert.Null(await app.ReasonAsync(till, "000321-0001"));
        app.PassDeadline(t.AddMinutes(10)); // long past the completion timeout
        app.SweepAt(t.AddMinutes(11));
        Assert.Null(await app.ReasonAsync(till, "000321-0001"));
        var tracked = app.GetService<TransactionBook>().Get(till.TerminalId, "000321-0001")!;
        Assert.Equal(TransactionStage.Completed, tracked.Record.LastStage);
        Assert.Equal(t.AddMinutes(-10), tracked.Record.AuthorizedAt);
    }

    [Fact]
    public async Task Completion_in_one_request_and_its_authorisation_in_a_later_one_is_never_flagged()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();

        await till.SendAsync(Sale("tx-2", t.AddMinutes(-9), "000321-0002", "completed"));
        app.SweepAt(t.AddMinutes(6));
        Assert.Null(await app.ReasonAsync(till, "000321-0002"));
        await till.SendAsync(Sale("tx-1", t.AddMinutes(-10), "000321-0002", "authorized"));

        app.PassDeadline(t.AddMinutes(7));
        app.SweepAt(t.AddMinutes(8));
        Assert.Null(await app.ReasonAsync(till, "000321-0002"));
    }

    [Fact]
    public async Task Same_events_sent_twice_give_one_item_and_its_amount_once()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        var authorized = Sale("tx-1", t.AddHours(-30), "000321-0003", "authorized", amountMinor: 25900);
        var completed = Sale("tx-2", t.AddHours(-30).AddSeconds(40), "000321-0003", "completed", amountMinor: 25900);

        var first = await till.SendAsync(authorized, completed, completed);
        var resent = await till.SendAsync(authorized, completed);

        Assert.Equal((2, 1), (first["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Equal((0, 2), (resent["accepted"]!.GetValue<int>(), resent["duplicates"]!.GetValue<int>()));
        var page = await app.UnsettledInAsync(till.Store);
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var item = Assert.Single(page.Items());
        Assert.Equal("not_settled", Expect.Wire(item["reason"]));
        Assert.Equal(25900, item["amountMinor"]!.GetValue<long>());
        var atRisk = MoneyAtRisk.ByCurrency(app.GetService<TransactionBook>().Unsettled.Where(u => u.StoreCode == till.Store));
        Assert.Equal(("CNY", 25900L, 1), Assert.Single(atRisk));
        Assert.Equal(1, await app.CountAsync("Transactions", till.TerminalId));
        Assert.Equal(2, app.GetService<TransactionBook>().Get(till.TerminalId, "000321-0003")!.Record.Stages.Length);
    }

    [Fact]
    public async Task Power_loss_arriving_in_a_later_backlog_turns_incomplete_into_interrupted_by_power_loss()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("incomplete", "000321-0004", t);
        Assert.Equal("incomplete", await app.ReasonAsync(till, "000321-0004"));

        await till.SendAsync(Power("p-1", t.AddMinutes(-10).AddSeconds(20), "lost"), Power("p-2", t.AddMinutes(-8), "restored"));

        Assert.Equal("interrupted_by_power_loss", await app.ReasonAsync(till, "000321-0004"));
    }

    [Fact]
    public async Task Unexpected_reboot_arriving_in_a_later_backlog_turns_incomplete_into_interrupted_by_power_loss()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("incomplete", "000321-0005", t);

        await till.SendAsync(Heartbeat("hb-late", t.AddMinutes(-9), bootId: "boot-B", uptimeSeconds: 20));

        Assert.Equal("interrupted_by_power_loss", await app.ReasonAsync(till, "000321-0005"));
    }

    [Fact]
    public async Task Power_loss_before_the_authorisation_does_not_make_a_sale_interrupted()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Power("p-1", t.AddMinutes(-20), "lost"), Power("p-2", t.AddMinutes(-19), "restored"));

        await till.SendSaleInAsync("incomplete", "000321-0006", t);

        Assert.Equal("incomplete", await app.ReasonAsync(till, "000321-0006"));
    }
}
