using FleetOps.Core.Alerts;
using FleetOps.Core.Cases;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Training;
using FleetOps.Web.Alerts;
using FleetOps.Web.Cases;
using FleetOps.Web.Election;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Settings;
using FleetOps.Web.Training;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Reconciliation;
using FleetOps.Web.Tests.Transactions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Issue 17 item 2 beyond telemetry: what people (and the elected node's own work) change on node A — cases, alerts and
/// mutes, thresholds, work orders, rollouts, training, a settlement report's proofs — reaches node B's in-memory books within a second, through the same
/// NodeChanges rows and LISTEN/NOTIFY. Users and API tokens travel over Redis (<c>ClusterTests</c>). Each test: two nodes
/// on one fresh PostgreSQL database, a change made through A's service, B's book read until it shows it. How soon is a
/// benchmark's question (scripts/bench-propagation.sh, docs/benchmarks.md), not these tests': a one-second deadline here
/// failed a CI run on a loaded two-core machine while B's listener was still connecting.
/// </summary>
public sealed class BookFanOutPostgresTests : IAsyncLifetime
{
    private const string Actor = "ops@example.test";

    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task A_case_opened_and_resolved_on_node_A_is_open_then_resolved_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var till = await Till.OpenAsync(a);

        var opened = await a.GetService<CaseService>().OpenAsync(till.TerminalId, "000900-0001", till.Store, Actor);
        await SeenOnB(() => b.GetService<CaseBook>().For(till.TerminalId, "000900-0001"), c => c?.Id == opened.Id && !c.IsResolved, "the case open on B");

        await a.GetService<CaseService>().ResolveAsync(opened.Id, CaseOutcome.WrittenOff, Actor);
        await SeenOnB(() => b.GetService<CaseBook>().Get(opened.Id), c => c is { IsResolved: true }, "the case resolved on B");
        Assert.Equal(CaseOutcome.WrittenOff, b.GetService<CaseBook>().Get(opened.Id)!.Outcome);
    }

    [PostgresFact]
    public async Task A_case_the_elected_node_A_resolves_by_itself_is_resolved_on_node_B()
    {
        var elect = new Dictionary<string, string?> { ["FleetOps:Leadership:Mode"] = "Elect" };
        await using var a = _database.StartNode(elect);
        await Eventually.MatchesAsync(() => Task.FromResult(a.GetService<Leadership>().IsLeader), leads => leads, "node A elected");
        await using var b = _database.StartNode(elect);
        Assert.False(b.GetService<Leadership>().IsLeader);
        var till = await Till.OpenAsync(a);
        var now = DateTimeOffset.UtcNow;
        await till.SendSaleInAsync("not_settled", "000901-0001", now);
        var opened = await a.GetService<CaseService>().OpenAsync(till.TerminalId, "000901-0001", till.Store, Actor);
        await SeenOnB(() => b.GetService<CaseBook>().Get(opened.Id), c => c is not null, "the case on B");

        // The settlement closes the sale; only A (elected) resolves its case, and B learns the outcome from A's commit.
        await till.SendAsync(Till.Sale("000901-0001:s", now.AddMinutes(-1), "000901-0001", "settled"));
        await SeenOnB(() => b.GetService<CaseBook>().Get(opened.Id), c => c is { IsResolved: true }, "the case resolved automatically on B");
        Assert.Equal(CaseOutcome.SettledLate, b.GetService<CaseBook>().Get(opened.Id)!.Outcome);
    }

    [PostgresFact]
    public async Task An_alert_opened_acknowledged_and_muted_on_node_A_is_so_on_node_B()
    {
        // Evaluations are asked of node A alone, so B's book can only learn of the alert from A.
        var settings = new Dictionary<string, string?> { [AlertOptions.Section + ":Enabled"] = "false" };
        await using var a = _database.StartNode(settings);
        await using var b = _database.StartNode(settings);
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await a.NewTerminalAsync(store);
        await a.SetSoftwareTargetAsync("A920", "3.0.0", "1.0.0", minimumAppVersion: "2.0.0");
        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow, appVersion: "1.5.0")); // below the minimum
        await a.GetService<AlertService>().EvaluateAsync();
        var alert = Assert.Single(a.GetService<AlertBook>().Active, x => x.TerminalId == terminal && x.Kind == AlertKind.UnsupportedSoftware);

        await SeenOnB(() => b.GetService<AlertBook>().Get(alert.Id), x => x is { IsActive: true }, "the alert open on B");

        await a.GetService<AlertService>().AcknowledgeAsync(alert.Id, Actor, "on it", null);
        await SeenOnB(() => b.GetService<AlertBook>().Get(alert.Id), x => x?.AcknowledgedBy == Actor, "the acknowledgement on B");

        var now = DateTimeOffset.UtcNow;
        var mute = await a.GetService<AlertService>().MuteAsync(store, terminal, now, now.AddHours(1), "till replaced", Actor, null);
        await SeenOnB(() => b.GetService<AlertBook>().IsMuted(alert.Subject, DateTimeOffset.UtcNow), muted => muted, "the mute on B");
        Assert.Equal(0, b.GetService<AlertBook>().CountForBadge(Core.Access.AccessScope.All, b.GetService<StoreDirectory>()));

        await a.GetService<AlertService>().UnmuteAsync(mute, Actor, null);
        await SeenOnB(() => b.GetService<AlertBook>().IsMuted(alert.Subject, DateTimeOffset.UtcNow), muted => !muted, "the mute ended on B");
    }

    [PostgresFact]
    public async Task A_threshold_saved_on_node_A_is_in_force_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var offlineAfter = b.GetService<FleetState>().Options.OfflineAfterSeconds + 120;

        var saved = await a.GetService<ThresholdSettings>().SaveAsync(
            new Dictionary<string, double?> { [nameof(DetectionOptions.OfflineAfterSeconds)] = offlineAfter }, Actor, null);
        Assert.Empty(saved.Errors);

        // Long before ThresholdRefresh's 30 s round.
        await SeenOnB(() => b.GetService<FleetState>().Options.OfflineAfterSeconds, s => s == offlineAfter, "the new offline limit on B");
    }

    [PostgresFact]
    public async Task A_work_order_created_started_and_completed_on_node_A_is_done_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var (terminal, _) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        var store = a.GetService<FleetState>().Get(terminal)!.StoreCode;
        var maintenance = a.GetService<MaintenanceService>();
        var admin = MaintenanceActor.Bootstrap;

        var created = (await maintenance.CreateAsync(new WorkOrderDraft(store, terminal, "Clean the reader", DueAt: DateTimeOffset.UtcNow.AddDays(1),
            Checklist: DefaultChecklists.Cleaning), admin, null)).Value!;
        await SeenOnB(() => b.GetService<MaintenanceBook>().Get(created.Id), o => o?.State == WorkOrderState.Open, "the work order on B");

        Assert.NotNull((await maintenance.StartAsync(created.Id, admin, null)).Value);
        await SeenOnB(() => b.GetService<MaintenanceBook>().Get(created.Id), o => o?.State == WorkOrderState.InProgress, "the visit started on B");
        // The visit mutes its terminal: on B too.
        await SeenOnB(() => b.GetService<AlertBook>().Mutes.Any(m => m.TerminalId == terminal), muted => muted, "the visit's mute on B");

        var done = await maintenance.CompleteAsync(created.Id,
        [
            new("printer_head_cleaned", "true"), new("card_slot_cleaned", "true"), new("screen_cleaned", "true"),
            new("paper_stock", "true"), new("test_receipt", "true"),
        ], null, admin, null);
        Assert.NotNull(done.Value);
        await SeenOnB(() => b.GetService<MaintenanceBook>().Get(created.Id), o => o?.State == WorkOrderState.Done, "the work order done on B");
        Assert.Equal(5, b.GetService<MaintenanceBook>().Get(created.Id)!.Results.Count);
        await SeenOnB(() => b.GetService<AlertBook>().Mutes.Any(m => m.TerminalId == terminal), muted => !muted, "the visit's mute ended on B");
    }

    [PostgresFact]
    public async Task A_plan_made_on_node_A_and_the_work_orders_it_generated_are_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var plan = (await a.GetService<PlanService>().CreateAsync(new PlanDraft("Monthly clean", store, null, null,
            DefaultChecklists.Cleaning, 1, RecurrenceUnit.Month, null, DateOnly.FromDateTime(DateTime.UtcNow), null, null), MaintenanceActor.Bootstrap, null)).Value!;
        var generated = a.GetService<MaintenanceBook>().OfPlan(plan.Id);
        Assert.NotEmpty(generated);

        await SeenOnB(() => b.GetService<MaintenanceBook>().Plan(plan.Id), p => p is { Active: true }, "the plan on B");
        await SeenOnB(() => b.GetService<MaintenanceBook>().OfPlan(plan.Id).Count, n => n == generated.Count, "the generated work orders on B");
    }

    [PostgresFact]
    public async Task A_plan_edited_on_node_A_and_the_work_orders_the_edit_changed_are_changed_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var plans = a.GetService<PlanService>();
        var draft = new PlanDraft("Weekly clean", store, null, null, DefaultChecklists.Cleaning, 1, RecurrenceUnit.Week, null,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), null, null);
        var plan = (await plans.CreateAsync(draft, MaintenanceActor.Bootstrap, null)).Value!;
        await SeenOnB(() => b.GetService<MaintenanceBook>().OfPlan(plan.Id).Count, n => n == a.GetService<MaintenanceBook>().OfPlan(plan.Id).Count,
            "the generated work orders on B");

        var edited = await plans.EditAsync(plan.Id, draft with { Name = "Fortnightly clean", StoreCode = null, EveryCount = 2 }, MaintenanceActor.Bootstrap, null);

        Assert.NotNull(edited.Value);
        var onA = a.GetService<MaintenanceBook>().OfPlan(plan.Id);
        Assert.Contains(onA, o => o.State == WorkOrderState.Cancelled);
        await SeenOnB(() => b.GetService<MaintenanceBook>().Plan(plan.Id), p => p is { Name: "Fortnightly clean", Every.Count: 2 }, "the edited plan on B");
        await SeenOnB(() => b.GetService<MaintenanceBook>().OfPlan(plan.Id).Select(o => (o.Id, o.State, o.Title)).ToList(),
            seen => seen.SequenceEqual(onA.Select(o => (o.Id, o.State, o.Title))), "the updated and cancelled work orders on B");
    }

    [PostgresFact]
    public async Task A_rollout_created_and_halted_on_node_A_is_halted_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")), model: "V400X");
        var rollouts = a.GetService<RolloutService>();

        var created = await rollouts.CreateAsync(new RolloutRequest("V400X", "9.1.0", null, [new WaveSpec(null, 100)], 20, 90), Actor, null);
        var id = created.Rollout!.Id;
        await SeenOnB(() => b.GetService<RolloutBook>().Get(id), r => r?.State == RolloutState.Running, "the rollout on B");

        await rollouts.HaltAsync(id, Actor, null);
        await SeenOnB(() => b.GetService<RolloutBook>().Get(id), r => r?.State == RolloutState.Halted, "the rollout halted on B");
    }

    [PostgresFact]
    public async Task Staff_added_and_a_session_recorded_on_node_A_are_on_node_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var training = a.GetService<TrainingService>();
        var admin = MaintenanceActor.Bootstrap;
        var person = (await training.AddStaffAsync(store, "Wang Li", "cashier", new DateOnly(2026, 1, 5), admin, null)).Value!;
        await SeenOnB(() => b.GetService<TrainingBook>().StaffOf(store).Count, n => n == 1, "the new cashier on B");

        var session = (await training.RecordSessionAsync(new SessionDraft(store, DefaultProgrammes.CardPayment,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "Zhou Min", [person.Id], []), admin, null)).Value!;
        await SeenOnB(() => b.GetService<TrainingBook>().Session(session.Id), s => s is not null, "the session on B");
        Assert.Contains(person.Id, b.GetService<TrainingBook>().Session(session.Id)!.Completed.Keys);
    }

    [PostgresFact]
    public async Task A_report_imported_on_node_A_puts_its_not_credited_sale_with_the_proof_on_node_B_s_worklist()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var noon = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(4), TimeSpan.Zero);
        var shop = await AcquirerShop.OpenAsync(a);
        var day = await shop.SettledSaleAsync("000903-0001", "700000000301", 12800, noon);
        await shop.SettledSaleAsync("000903-0002", "700000000302", 5000, noon);
        var reports = new List<ReportImported>();
        using var feed = b.GetService<ReconciliationService>().Subscribe(null, changed =>
        {
            lock (reports) reports.AddRange(changed);
            return Task.CompletedTask;
        }, TimeSpan.Zero);

        // The report credits the first sale and reaches two days past both: the second is proven not credited.
        var report = (await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day, "700000000301", 12800), shop.Line(day.AddDays(2), "700000000309", 100))))
            ["id"]!.GetValue<long>();
        Assert.Equal(report, a.GetService<NotCreditedBook>().ProofOf(shop.TerminalId, "000903-0002")?.ReportId);

        await SeenOnB(() => b.GetService<NotCreditedBook>().ProofOf(shop.TerminalId, "000903-0002"), p => p?.ReportId == report, "the proof on B");
        Assert.Null(b.GetService<NotCreditedBook>().ProofOf(shop.TerminalId, "000903-0001"));
        var item = Assert.Single((await b.UnsettledInAsync(shop.Store)).Items()); // what a manager on node B reads
        Assert.Equal(("000903-0002", "not_credited"), (Expect.Wire(item["transactionId"]), Expect.Wire(item["reason"])));
        lock (reports) Assert.Contains(reports, r => r.ReportId == report && r.Stores.Contains(shop.Store));
    }

    private static Task<T> SeenOnB<T>(Func<T> read, Func<T, bool> condition, string what) =>
        Eventually.MatchesAsync(() => Task.FromResult(read()), condition, what);

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
