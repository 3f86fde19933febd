using static FleetOps.Web.Tests.Infrastructure.Telemetry;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// Each reason of docs/api.md §3 appears at its own deadline and not a second before, on the background clock's
/// deadline timer (the fake clock is moved one 250 ms tick past the deadline and nothing sweeps by hand).
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class ReasonDeadlineTests(UnsettledClockApp app)
{
    [Fact]
    public async Task Authorised_sale_without_completion_becomes_incomplete_at_the_completion_timeout()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Heartbeat("hb-1", t.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", t, "000123-0001", "authorized"));

        app.SweepAt(t.AddSeconds(299));
        Assert.Null(await app.ReasonAsync(till, "000123-0001"));

        app.PassDeadline(t.AddSeconds(300));
        await app.ReasonBecomesAsync(till, "000123-0001", "incomplete");
    }

    [Fact]
    public async Task Authorised_then_power_lost_then_reboot_without_completion_is_interrupted_by_power_loss()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Heartbeat("hb-1", t.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", t, "000123-0002", "authorized"));
        app.SweepAt(t.AddSeconds(45)); // the power went about 20 s after the authorisation, without a word from the terminal
        await till.SendAsync(Heartbeat("hb-2", t.AddSeconds(45), bootId: "boot-B", uptimeSeconds: 15)); // it is back with a new boot

        app.SweepAt(t.AddSeconds(299));
        Assert.Null(await app.ReasonAsync(till, "000123-0002"));

        app.PassDeadline(t.AddSeconds(300));
        await app.ReasonBecomesAsync(till, "000123-0002", "interrupted_by_power_loss");
    }

    [Fact]
    public async Task Power_lost_hours_after_the_completion_deadline_leaves_the_sale_incomplete()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Heartbeat("hb-1", t.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", t, "000123-0012", "authorized"));
        app.PassDeadline(t.AddSeconds(300));
        await app.ReasonBecomesAsync(till, "000123-0012", "incomplete");

        // Three hours later the store's power fails: it did not stop this sale, which the staff left unfinished.
        app.SweepAt(t.AddHours(3));
        await till.SendAsync(Power("pw-1", t.AddHours(3), "lost"));
        app.SweepAt(t.AddHours(3).AddSeconds(1));

        Assert.Equal("incomplete", await app.ReasonAsync(till, "000123-0012"));
    }

    [Fact]
    public async Task Completed_sale_without_settlement_becomes_not_settled_26_hours_after_completion()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Sale("tx-1", t, "000123-0003", "authorized"));
        app.SweepAt(t.AddSeconds(30));
        await till.SendAsync(Sale("tx-2", t.AddSeconds(30), "000123-0003", "completed"));

        app.SweepAt(t.AddSeconds(30).AddHours(26).AddSeconds(-1));
        Assert.Null(await app.ReasonAsync(till, "000123-0003"));

        app.PassDeadline(t.AddSeconds(30).AddHours(26));
        await app.ReasonBecomesAsync(till, "000123-0003", "not_settled");
    }

    [Fact]
    public async Task Unsettled_sale_becomes_authorization_expiring_4_days_after_the_authorisation()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        var authorizedAt = t.AddDays(-4).AddSeconds(10); // a late backlog: the sale is already not settled on arrival
        await till.SendAsync(Sale("tx-1", authorizedAt, "000123-0004", "authorized"), Sale("tx-2", authorizedAt.AddSeconds(40), "000123-0004", "completed"));
        Assert.Equal("not_settled", await app.ReasonAsync(till, "000123-0004"));

        app.SweepAt(t.AddSeconds(9));
        Assert.Equal("not_settled", await app.ReasonAsync(till, "000123-0004"));

        app.PassDeadline(t.AddSeconds(10));
        await app.ReasonBecomesAsync(till, "000123-0004", "authorization_expiring");
    }

    [Fact]
    public async Task Sale_never_completed_also_becomes_authorization_expiring_4_days_after_the_authorisation()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        var authorizedAt = t.AddDays(-4).AddSeconds(10); // a late backlog: the sale is already incomplete on arrival
        await till.SendAsync(Heartbeat("hb-1", authorizedAt.AddSeconds(-60), bootId: "boot-A"), Sale("tx-1", authorizedAt, "000123-0005", "authorized"));
        Assert.Equal("incomplete", await app.ReasonAsync(till, "000123-0005"));

        app.SweepAt(t.AddSeconds(9));
        Assert.Equal("incomplete", await app.ReasonAsync(till, "000123-0005"));

        app.PassDeadline(t.AddSeconds(10));
        await app.ReasonBecomesAsync(till, "000123-0005", "authorization_expiring");
    }
}
