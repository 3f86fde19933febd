using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Demo;
using FleetOps.Web.Cases;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// The demo chain (<see cref="DemoApp"/>) fills the unsettled worklist at start-up with each reason and a lost sale.
/// </summary>
public sealed class DemoWorklistTests : IAsyncLifetime
{
    private static readonly string[] Reasons = ["incomplete", "interrupted_by_power_loss", "not_settled", "authorization_expiring", "not_credited"];

    private readonly FleetOpsApp _app = DemoApp.Create();

    [Fact]
    public async Task Demo_start_lists_each_unsettled_reason_and_a_lost_sale()
    {
        using var admin = _app.CreateAdminClient();

        var page = await Eventually.MatchesAsync(() => admin.UnsettledAsync(), p => Reasons.All(ReasonsIn(p).Contains),
            "the demo backlog to show every reason");
        await DemoApp.WholeBacklogAsync(admin);

        Assert.All(page.Items(), i => Assert.StartsWith(DemoChain.TerminalPrefix, Expect.Wire(i["terminalId"])));
        // Each terminal reason once from the sales backlog, plus the payments the power backlog's store outage interrupted,
        // plus the sales the demo's settlement report leaves out (not credited, each with the report that proves it).
        Assert.Equal(Reasons.Order(), ReasonsIn(page).Distinct().Order());
        Assert.Equal(Reasons.Length - 1 + DemoPowerBacklog.InterruptedSales + DemoSettlementReport.NotCreditedSales, page.Items().Count);
        Assert.All(page.Items().Where(i => Expect.Wire(i["reason"]) == "not_credited"),
            i => Assert.StartsWith(DemoChain.DemoAcquirer, Expect.Wire(i["creditReport"]!["fileName"])));
        Assert.All(page.Items(), i => Assert.Matches(@"^\d{6}\*{6}\d{4}$", Expect.Wire(i["maskedPan"])));
        var lost = Assert.Single(_app.GetService<TransactionBook>().LostSales);
        Assert.StartsWith(DemoChain.TerminalPrefix, lost.TerminalId);
    }

    [Fact]
    public async Task Demo_start_has_an_example_case_worked_up_to_the_acquirer_and_a_second_write_leaves_it_alone()
    {
        using var admin = _app.CreateAdminClient();
        var page = await Eventually.MatchesAsync(() => admin.UnsettledAsync("?caseStatus=contact_acquirer"), p => p.Items().Count == 1,
            "the demo's example case");
        var item = page.Items()[0];
        Assert.Equal("authorization_expiring", Expect.Wire(item["reason"]));
        var cases = _app.GetService<FleetOps.Web.Cases.CaseService>();
        var example = _app.GetService<FleetOps.Web.Cases.CaseBook>().For(Expect.Wire(item["terminalId"]), Expect.Wire(item["transactionId"]))!;
        // The demo moves the case to contact_acquirer before it adds its note: wait for the whole example first.
        await Eventually.MatchesAsync(() => cases.TrailAsync(example.Id), t => t.Count == 4, "the demo's note on its example case");

        await new DemoBacklog(_app.GetService<EventWriter>(), _app.GetService<FleetState>(), _app.GetService<TimeProvider>(),
            NullLogger.Instance, cases).WriteAsync(CancellationToken.None);

        Assert.Equal("admin@fleetops.demo", example.Owner);
        var trail = await cases.TrailAsync(example.Id);
        Assert.Equal(4, trail.Count); // opened, owner, record checked, note — not twice
        Assert.Contains("acquirer", trail[^1].Text);
    }

    [Fact]
    public async Task The_demos_stories_are_done_by_its_people_not_by_the_bootstrap_token()
    {
        using var admin = _app.CreateAdminClient();
        await DemoApp.WholeBacklogAsync(admin);

        // The emergency plans are the last story: once both are kept, every story's audit line is written.
        var plans = await Eventually.MatchesAsync(() => _app.AuditAsync(FleetOps.Web.Security.AuditActions.EmergencyPlanSaved), r => r.Count == 2,
            "the demo's two emergency plans");
        Assert.Equal(["admin@fleetops.demo", "store.manager@fleetops.demo"], plans.Select(r => r.Actor).Order());
        var stories = await _app.AuditAsync();
        Assert.Contains(stories, r => r.Action == FleetOps.Web.Security.AuditActions.WorkOrderCreated && r.Actor == "admin@fleetops.demo");
        Assert.Contains(stories, r => r.Action == FleetOps.Web.Security.AuditActions.TrainingRecorded && r.Actor == "admin@fleetops.demo");
        Assert.DoesNotContain(stories, r => r.Actor == FleetOps.Web.Security.AccessResolver.BootstrapName);
    }

    [Fact]
    public async Task Demo_backlog_written_again_on_the_same_day_is_all_duplicates()
    {
        using var admin = _app.CreateAdminClient();
        await Eventually.MatchesAsync(() => admin.UnsettledAsync(), p => Reasons.All(ReasonsIn(p).Contains),
            "the demo backlog to show every reason");
        await DemoApp.WholeBacklogAsync(admin);
        var (events, rows) = (await _app.StoredEventsAsync(), await _app.CountAsync("Transactions"));

        var again = await new DemoBacklog(_app.GetService<EventWriter>(), _app.GetService<FleetState>(),
            _app.GetService<TimeProvider>(), NullLogger.Instance).WriteAsync(CancellationToken.None);
        var powerAgain = await new DemoPowerBacklog(_app.GetService<EventWriter>(), _app.GetService<FleetState>(),
            _app.GetService<TimeProvider>(), NullLogger.Instance).WriteAsync(CancellationToken.None);

        Assert.Equal(0, again.Accepted + powerAgain.Accepted);
        // Every event of the two backlogs comes back a duplicate; the stored total also holds the training stories' sales.
        Assert.InRange(again.Duplicates + powerAgain.Duplicates, 1, events);
        Assert.Equal(events, await _app.StoredEventsAsync());
        Assert.Equal(rows, await _app.CountAsync("Transactions"));
        var reports = _app.GetService<ReconciliationService>();
        await new DemoSettlementReport(_app.GetService<EventWriter>(), _app.GetService<FleetState>(), _app.GetService<StoreDirectory>(), reports,
            _app.GetService<CaseService>(), _app.GetService<FleetDbContextFactory>(), _app.GetService<TimeProvider>(), NullLogger.Instance)
            .TellAsync(CancellationToken.None);
        Assert.Single(await reports.ListAsync(FleetOps.Core.Access.AccessScope.All));
        Assert.Equal(Reasons.Length - 1 + DemoPowerBacklog.InterruptedSales + DemoSettlementReport.NotCreditedSales,
            (await admin.UnsettledAsync())["total"]!.GetValue<int>());
    }

    private static List<string> ReasonsIn(System.Text.Json.Nodes.JsonObject page) =>
        page.Items().Select(i => Expect.Wire(i["reason"])).ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Demo_accounts_on_the_sign_in_page_fill_the_form_in_when_clicked()
    {
        using var client = _app.CreateClient();

        var page = await client.GetStringAsync("/account/signin");
        Assert.Contains("href=\"account/signin?demo=store.manager%40fleetops.demo\"", page, StringComparison.Ordinal);

        var picked = await client.GetStringAsync("/account/signin?demo=store.manager%40fleetops.demo");
        Assert.Matches("<input[^>]*id=\"email\"[^>]*value=\"store.manager@fleetops.demo\"", picked);
        Assert.Matches($"<input[^>]*id=\"password\"[^>]*value=\"{DemoUsers.Password}\"", picked);
        var unknown = await client.GetStringAsync("/account/signin?demo=someone@example.test");
        Assert.DoesNotContain($"value=\"{DemoUsers.Password}\"", unknown, StringComparison.Ordinal);
    }
}

