using System.Collections.Concurrent;
using FleetOps.Core.Live;
using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Every checklist template version, plan and work order, in memory (they are made by people and by plans, so thousands,
/// not millions). Loaded at start-up and changed only by <see cref="MaintenanceService"/> and <see cref="PlanService"/>
/// after their commit, so pages and the API read committed work. Pages follow work orders with <see cref="Subscribe"/>
/// and plans with <see cref="SubscribePlans"/>; both call back off the writer's thread.
/// </summary>
public sealed class MaintenanceBook(TimeProvider time, ILogger<MaintenanceBook> logger) : IChangeSource<WorkOrder>
{
    private readonly ConcurrentDictionary<long, WorkOrder> _orders = new();
    private readonly ConcurrentDictionary<long, MaintenancePlan> _plans = new();
    private readonly ConcurrentDictionary<(string Key, int Version), ChecklistTemplate> _templates = new();
    private readonly ChangeFeed<WorkOrder> _changes = new("work orders", time, logger);
    private readonly ChangeFeed<MaintenancePlan> _planChanges = new("maintenance plans", time, logger);

    /// <summary>One change of maintenance at a time, by any service (people act at human speed; two clicks must not both win).</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Work orders as they change (created, scheduled, started, completed, cancelled); a reload is "everything changed".</summary>
    public IDisposable Subscribe(Func<WorkOrder, bool>? relevant, Func<ChangeBatch<WorkOrder>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    public IDisposable SubscribePlans(Func<MaintenancePlan, bool>? relevant, Func<ChangeBatch<MaintenancePlan>, Task> callback, TimeSpan? minInterval = null) =>
        _planChanges.Subscribe(relevant, callback, minInterval);

    /// <summary>Plans as they are made or ended, for a page's <c>Follow</c> (the book itself is the source of work orders).</summary>
    public IChangeSource<MaintenancePlan> PlanChanges => _planChanges;

    public WorkOrder? Get(long id) => _orders.GetValueOrDefault(id);

    /// <summary>Every work order, newest first.</summary>
    public IReadOnlyList<WorkOrder> All => _orders.Values.OrderByDescending(o => o.Id).ToList();

    /// <summary>The work order whose visit in progress set this mute, if any.</summary>
    public WorkOrder? OfMute(long muteId) => _orders.Values.FirstOrDefault(o => o.MuteId == muteId);

    /// <summary>The open work order raised from the alert, if any (one per alert).</summary>
    public WorkOrder? OpenForAlert(long alertId) => _orders.Values.Where(o => o.AlertId == alertId && o.IsOpen).MinBy(o => o.Id);

    /// <summary>The follow-up raised from one item of a work order, if any (one per item).</summary>
    public WorkOrder? FollowUpOf(long parentId, string item) =>
        _orders.Values.Where(o => o.FollowUpOf == parentId && o.FollowUpItem == item).MinBy(o => o.Id);

    /// <summary>The follow-ups raised from a work order, oldest first.</summary>
    public IReadOnlyList<WorkOrder> FollowUpsOf(long parentId) => _orders.Values.Where(o => o.FollowUpOf == parentId).OrderBy(o => o.Id).ToList();

    /// <summary>The work orders of a plan, oldest first.</summary>
    public IReadOnlyList<WorkOrder> OfPlan(long planId) => _orders.Values.Where(o => o.PlanId == planId).OrderBy(o => o.Id).ToList();

    public MaintenancePlan? Plan(long id) => _plans.GetValueOrDefault(id);

    /// <summary>Every plan, newest first.</summary>
    public IReadOnlyList<MaintenancePlan> Plans => _plans.Values.OrderByDescending(p => p.Id).ToList();

    /// <summary>The newest version of every template, by key.</summary>
    public IReadOnlyList<ChecklistTemplate> Templates =>
        _templates.Values.GroupBy(t => t.Key).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

    /// <summary>The newest version of a template, or one exact version (what a work order pinned).</summary>
    public ChecklistTemplate? Template(string key, int? version = null) => version is { } v
        ? _templates.GetValueOrDefault((key, v))
        : _templates.Values.Where(t => t.Key == key).MaxBy(t => t.Version);

    public void Load(IEnumerable<ChecklistTemplate> templates, IEnumerable<MaintenancePlan> plans, IEnumerable<WorkOrder> orders)
    {
        _templates.Clear();
        foreach (var template in templates) _templates[(template.Key, template.Version)] = template;
        _plans.Clear();
        foreach (var plan in plans) _plans[plan.Id] = plan;
        _orders.Clear();
        foreach (var order in orders) _orders[order.Id] = order;
        _changes.PublishEverythingChanged();
        _planChanges.PublishEverythingChanged();
    }

    public void Put(params WorkOrder[] orders)
    {
        foreach (var order in orders) _orders[order.Id] = order;
        _changes.Publish(orders);
    }

    public void PutPlan(MaintenancePlan plan)
    {
        _plans[plan.Id] = plan;
        _planChanges.Publish(plan);
    }

    public void PutTemplate(ChecklistTemplate template) => _templates[(template.Key, template.Version)] = template;
}
