using FleetOps.Core.Alerts;
using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Wire;
using FleetOps.Web.Alerts;
using FleetOps.Web.Cases;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Transactions;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Issue 17: a node acts on its in-memory copy, and another node's change reaches that copy up to a second later. A person's
/// change made on a node that has not heard yet — or the elected node's automatic one — must not write the older state back
/// over the newer row: alerts, recovery cases, rollouts and work orders are each decided from the stored row, and written
/// only over it. Node B here never follows (its cluster switch is off), so its book stays as loaded: the window of
/// that second, held open. Both nodes write the same PostgreSQL database.
/// </summary>
public sealed class StaleNodeWritesPostgresTests : IAsyncLifetime
{
    private const string Actor = "ops@example.test";
    private static readonly Dictionary<string, string?> NoEvaluator = new() { [AlertOptions.Section + ":Enabled"] = "false" };

    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task An_acknowledgement_on_a_node_that_has_not_heard_the_alert_resolve_leaves_it_resolved()
    {
        await using var a = _database.StartNode(NoEvaluator);
        var (alertId, key, terminal) = await OpenUnsupportedSoftwareAlertAsync(a);
        await using var b = StartStaleNode();
        Assert.True(b.GetService<AlertBook>().Get(alertId)!.IsActive);

        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow, appVersion: "3.0.0")); // supported again
        await a.GetService<AlertService>().EvaluateAsync();
        Assert.Equal(AlertState.Resolved.ToWire(), (await StoredAlertAsync(alertId)).State);

        var result = await b.GetService<AlertService>().AcknowledgeAsync(alertId, Actor, "on it", null);

        Assert.Null(result.Alert); // a resolved alert cannot be acknowledged: B judged from the stored row
        Assert.True(result.Found);
        var stored = await StoredAlertAsync(alertId);
        Assert.Equal(AlertState.Resolved.ToWire(), stored.State);
        Assert.Null(stored.AcknowledgedBy);
        Assert.False(b.GetService<AlertBook>().Get(alertId)?.IsActive ?? false); // and B's book knows it now
    }

    [PostgresFact]
    public async Task An_acknowledgement_made_on_another_node_survives_the_evaluator_resolving_the_alert()
    {
        await using var a = _database.StartNode(NoEvaluator);
        var (alertId, key, terminal) = await OpenUnsupportedSoftwareAlertAsync(a);
        await using var b = StartStaleNode();
        Assert.NotNull((await b.GetService<AlertService>().AcknowledgeAsync(alertId, Actor, "replacing the app", null)).Alert);
        Assert.Null(a.GetService<AlertBook>().Get(alertId)!.AcknowledgedBy); // A has not heard (B announces nothing)

        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow, appVersion: "3.0.0"));
        var first = await a.GetService<AlertService>().EvaluateAsync();

        Assert.Empty(first); // the row was not what A's book held: nothing written, the row read instead
        Assert.Equal(Actor, a.GetService<AlertBook>().Get(alertId)!.AcknowledgedBy);
        var second = await a.GetService<AlertService>().EvaluateAsync();
        Assert.Contains(second, c => c.Alert.Id == alertId && c.Transition == AlertTransition.Resolved);
        var stored = await StoredAlertAsync(alertId);
        Assert.Equal(AlertState.Resolved.ToWire(), stored.State);
        Assert.Equal(Actor, stored.AcknowledgedBy);
        Assert.Equal("replacing the app", stored.AcknowledgementNote);
    }

    [PostgresFact]
    public async Task A_note_on_a_node_that_has_not_heard_the_case_was_resolved_keeps_it_resolved()
    {
        await using var a = _database.StartNode();
        var till = await Till.OpenAsync(a);
        var opened = await a.GetService<CaseService>().OpenAsync(till.TerminalId, "000950-0001", till.Store, Actor);
        await using var b = StartStaleNode();
        Assert.False(b.GetService<CaseBook>().Get(opened.Id)!.IsResolved);

        await a.GetService<CaseService>().ResolveAsync(opened.Id, CaseOutcome.WrittenOff, Actor);
        await b.GetService<CaseService>().AddNoteAsync(opened.Id, "called the bank", "manager@example.test");

        var stored = await StoredCaseAsync(opened.Id);
        Assert.NotNull(stored.ResolvedAtMs);
        Assert.Equal("written_off", stored.Outcome);
        Assert.True(b.GetService<CaseBook>().Get(opened.Id)!.IsResolved);
        var trail = await b.GetService<CaseService>().TrailAsync(opened.Id);
        Assert.Contains(trail, e => e.Text == "called the bank");
    }

    [PostgresFact]
    public async Task A_move_a_resolved_case_no_longer_allows_is_refused_on_a_node_that_has_not_heard()
    {
        await using var a = _database.StartNode();
        var till = await Till.OpenAsync(a);
        var opened = await a.GetService<CaseService>().OpenAsync(till.TerminalId, "000951-0001", till.Store, Actor);
        await using var b = StartStaleNode();

        await a.GetService<CaseService>().ResolveAsync(opened.Id, CaseOutcome.WrittenOff, Actor);
        await Assert.ThrowsAsync<CaseRuleException>(() => b.GetService<CaseService>().ResolveAsync(opened.Id, CaseOutcome.ReCredited, "manager@example.test"));

        Assert.Equal("written_off", (await StoredCaseAsync(opened.Id)).Outcome);
    }

    [PostgresFact]
    public async Task A_case_opened_on_another_node_a_moment_ago_is_the_case_this_node_opens()
    {
        await using var a = _database.StartNode();
        var till = await Till.OpenAsync(a);
        await using var b = StartStaleNode();

        var onA = await a.GetService<CaseService>().OpenAsync(till.TerminalId, "000952-0001", till.Store, Actor);
        var onB = await b.GetService<CaseService>().OpenAsync(till.TerminalId, "000952-0001", till.Store, "manager@example.test");

        Assert.Equal(onA.Id, onB.Id); // "opening twice gives the same case", across nodes too — not a unique-index failure
        Assert.Equal(onA.Id, b.GetService<CaseBook>().For(till.TerminalId, "000952-0001")!.Id);
    }

    [PostgresFact]
    public async Task A_rollout_halted_on_node_A_is_not_advanced_by_a_node_that_has_not_heard()
    {
        await using var a = _database.StartNode(NoEvaluator);
        await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")), model: "V400X");
        var created = await a.GetService<RolloutService>().CreateAsync(
            new RolloutRequest("V400X", "9.1.0", null, [new WaveSpec(null, 100)], 20, 90), Actor, null);
        var id = created.Rollout!.Id;
        await using var b = StartStaleNode();
        Assert.Equal(RolloutState.Running, b.GetService<RolloutBook>().Get(id)!.State);

        await a.GetService<RolloutService>().HaltAsync(id, Actor, null);
        var advanced = await b.GetService<RolloutService>().AdvanceAsync(id, "second-admin@example.test", null);

        Assert.Null(advanced.Rollout); // refused: B decided from the stored rollout, which is halted
        Assert.Equal(RolloutState.Halted, b.GetService<RolloutBook>().Get(id)!.State);
        await using var db = Context();
        Assert.Equal(RolloutState.Halted.ToWire(), (await db.Rollouts.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [PostgresFact]
    public async Task A_work_order_cancelled_on_node_A_is_not_started_by_a_node_that_has_not_heard()
    {
        await using var a = _database.StartNode(NoEvaluator);
        var (terminal, _) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        var store = a.GetService<FleetState>().Get(terminal)!.StoreCode;
        var admin = MaintenanceActor.Bootstrap;
        var created = (await a.GetService<MaintenanceService>().CreateAsync(new WorkOrderDraft(store, terminal, "Clean the reader",
            DueAt: DateTimeOffset.UtcNow.AddDays(1), Checklist: DefaultChecklists.Cleaning), admin, null)).Value!;
        await using var b = StartStaleNode();
        Assert.Equal(WorkOrderState.Open, b.GetService<MaintenanceBook>().Get(created.Id)!.State);

        Assert.NotNull((await a.GetService<MaintenanceService>().CancelAsync(created.Id, "store closed for refit", admin, null)).Value);
        var started = await b.GetService<MaintenanceService>().StartAsync(created.Id, admin, null);

        Assert.Equal(MaintenanceError.Conflict, started.Error); // a cancelled order cannot be started: B judged from the stored row
        Assert.Equal(WorkOrderState.Cancelled, b.GetService<MaintenanceBook>().Get(created.Id)!.State);
        Assert.DoesNotContain(b.GetService<AlertBook>().Mutes, m => m.TerminalId == terminal); // and no visit's mute was begun
        await using var db = Context();
        Assert.Equal(WorkOrderState.Cancelled.ToWire(), (await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == created.Id)).State);
    }

    /// <summary>A node on the same database that never hears of other nodes' changes after its start.</summary>
    private FleetOpsApp StartStaleNode()
    {
        var node = _database.Start(NoEvaluator);
        node.CreateClient().Dispose();
        return node;
    }

    private static async Task<(long AlertId, string Key, string Terminal)> OpenUnsupportedSoftwareAlertAsync(FleetOpsApp node)
    {
        var store = await node.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await node.NewTerminalAsync(store);
        await node.SetSoftwareTargetAsync("A920", "3.0.0", "1.0.0", minimumAppVersion: "2.0.0");
        await node.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow, appVersion: "1.5.0")); // below the minimum
        await node.GetService<AlertService>().EvaluateAsync();
        var alert = Assert.Single(node.GetService<AlertBook>().Active, x => x.TerminalId == terminal && x.Kind == AlertKind.UnsupportedSoftware);
        return (alert.Id, key, terminal);
    }

    private async Task<AlertRow> StoredAlertAsync(long id)
    {
        await using var db = Context();
        return await db.Alerts.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<CaseRow> StoredCaseAsync(long id)
    {
        await using var db = Context();
        return await db.Cases.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private PostgresFleetDbContext Context() => new(new DbContextOptionsBuilder<PostgresFleetDbContext>().UseNpgsql(_database.ConnectionString).Options);

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
