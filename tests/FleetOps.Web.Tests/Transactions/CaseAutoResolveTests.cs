using FleetOps.Core.Cases;
using FleetOps.Web.Cases;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A case closes by itself with the right outcome when the transaction's own events settle the question later
/// (issue 4: "settled after 2 days ⇒ case auto-resolved 'settled late'"), and the API reports each case's state.
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class CaseAutoResolveTests(UnsettledClockApp app)
{
    private const string Manager = "case-worker@example.test";

    private CaseService Service => app.GetService<CaseService>();
    private CaseBook Cases => app.GetService<CaseBook>();

    [Fact]
    public async Task Sale_settled_two_days_late_resolves_its_case_as_settled_late()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendAsync(Sale("a", t, "000901-0001", "authorized"), Sale("c", t.AddSeconds(40), "000901-0001", "completed"));
        app.PassDeadline(t.AddSeconds(40).AddHours(26));
        await app.ReasonBecomesAsync(till, "000901-0001", "not_settled");
        var opened = await Service.OpenAsync(till.TerminalId, "000901-0001", till.Store, Manager);
        await Service.AdvanceAsync(opened.Id, Manager);
        Assert.Equal("contact_acquirer", Expect.Wire((await app.ItemAsync(till, "000901-0001"))!["caseStatus"]));

        app.Clock!.JumpTo(t.AddDays(2));
        await till.SendAsync(Sale("s", t.AddDays(2).AddSeconds(-5), "000901-0001", "settled"));

        var resolved = await Eventually.MatchesAsync(() => Task.FromResult(Cases.Get(opened.Id)!), c => c.IsResolved, "the case to resolve itself");
        Assert.Equal(CaseOutcome.SettledLate, resolved.Outcome);
        Assert.Equal(CaseService.SystemActor, resolved.ResolvedBy);
        var trail = await Service.TrailAsync(opened.Id);
        Assert.Equal([CaseEntryKind.Opened, CaseEntryKind.StepChanged, CaseEntryKind.AutoResolved], trail.Select(e => e.Kind));
        Assert.Contains("settled 2 days after the authorisation", trail[^1].Text);
        Assert.Null(await app.ItemAsync(till, "000901-0001"));
    }

    [Theory]
    [InlineData("reversed")]
    [InlineData("voided")]
    public async Task Sale_reversed_or_voided_later_resolves_its_case_as_refunded(string stage)
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("incomplete", "000901-0002", t);
        var opened = await Service.OpenAsync(till.TerminalId, "000901-0002", till.Store, Manager);

        await till.SendAsync(Sale("r", t.AddSeconds(-1), "000901-0002", stage));

        var resolved = await Eventually.MatchesAsync(() => Task.FromResult(Cases.Get(opened.Id)!), c => c.IsResolved, "the case to resolve itself");
        Assert.Equal(CaseOutcome.ReversedRefunded, resolved.Outcome);
    }

    [Fact]
    public async Task Case_resolved_by_hand_keeps_its_outcome_when_the_settlement_arrives_afterwards()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("not_settled", "000901-0003", t);
        var opened = await Service.OpenAsync(till.TerminalId, "000901-0003", till.Store, Manager);
        await Service.AdvanceAsync(opened.Id, Manager);
        await Service.ResolveAsync(opened.Id, CaseOutcome.WrittenOff, Manager);

        await till.SendAsync(Sale("s", t.AddSeconds(-1), "000901-0003", "settled"));
        await app.ReasonBecomesAsync(till, "000901-0003", null);

        Assert.Equal(CaseOutcome.WrittenOff, Cases.Get(opened.Id)!.Outcome);
        Assert.Equal(3, (await Service.TrailAsync(opened.Id)).Count);
    }

    [Fact]
    public async Task Api_reports_each_case_state_and_filters_by_it()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        await till.SendSaleInAsync("not_settled", "000901-0010", t);
        await till.SendSaleInAsync("authorization_expiring", "000901-0011", t);
        await till.SendSaleInAsync("not_settled", "000901-0012", t.AddMinutes(-1));
        var checking = await Service.OpenAsync(till.TerminalId, "000901-0011", till.Store, Manager);
        var written = await Service.OpenAsync(till.TerminalId, "000901-0012", till.Store, Manager);
        await Service.AdvanceAsync(written.Id, Manager);
        await Service.ResolveAsync(written.Id, CaseOutcome.WrittenOff, Manager);
        using var admin = app.CreateAdminClient();

        var all = await admin.UnsettledAsync($"?store={till.Store}");
        var open = await admin.UnsettledAsync($"?store={till.Store}&caseStatus=none,check_record,contact_acquirer");
        using var wrong = await admin.GetAsync($"{UnsettledList.Path}?caseStatus=closed");

        Assert.Equal(
            ["000901-0010:none", "000901-0011:check_record", "000901-0012:resolved"],
            all.Items().Select(i => $"{Expect.Wire(i["transactionId"])}:{Expect.Wire(i["caseStatus"])}").Order());
        Assert.Equal(["000901-0010", "000901-0011"], open.Items().Select(i => Expect.Wire(i["transactionId"])).Order());
        Assert.Equal(2, open["total"]!.GetValue<int>());
        await Expect.StatusAsync(wrong, System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(checking.Id, Cases.For(till.TerminalId, "000901-0011")!.Id);
    }

    [Fact]
    public async Task Opening_a_case_twice_gives_the_same_case_and_one_trail_entry()
    {
        var till = await Till.OpenAsync(app);
        await till.SendSaleInAsync("not_settled", "000901-0020", app.Now());

        var first = Service.OpenAsync(till.TerminalId, "000901-0020", till.Store, Manager);
        var second = Service.OpenAsync(till.TerminalId, "000901-0020", till.Store, "someone-else@example.test");
        var cases = await Task.WhenAll(first, second);

        Assert.Equal(cases[0].Id, cases[1].Id);
        Assert.Single(await Service.TrailAsync(cases[0].Id));
    }
}
