using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// The work orders a person may see (<see cref="MaintenanceActor.CanSee"/>: technicians their own, managers their stores'),
/// by when they happen, live from <see cref="MaintenanceBook"/>; the clock re-reads them so "overdue by" ages. The view —
/// state, region, store, assignee, overdue only, page — lives in the address. Dispatchers make new work orders here.
/// </summary>
public partial class WorkOrdersPage
{
    public const string Path = "maintenance";

    /// <summary>One work order's page (relative, like the app's other links).</summary>
    public static string PathOf(long id) => $"maintenance/workorders/{id}";

    /// <summary>The overdue work, of one region or all: where the KPI page's overdue counts lead, so the list shows the same work.</summary>
    public static string OverduePath(string? region) =>
        region is null ? $"{Path}?overdue=true" : $"{Path}?overdue=true&region={Uri.EscapeDataString(region)}";

    /// <summary>
    /// The overdue work booked to one person (<paramref name="assignee"/>, an e-mail), or to nobody (null): where the KPI
    /// page's per-technician overdue counts lead.
    /// </summary>
    public static string OverduePath(string? region, string? assignee) =>
        $"{OverduePath(region)}&assignee={Uri.EscapeDataString(assignee ?? Unassigned)}";

    /// <summary>The assignee filter's value for work booked to nobody (no e-mail has no '@').</summary>
    private const string Unassigned = "none";

    /// <summary>The state filter's default: every state but done and cancelled (what still needs doing).</summary>
    private const string OpenStates = "open_all";
    private const string AnyState = "all";
    private const int PageSize = 50;

    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private MaintenanceService Service { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private MaintenanceActor _actor = new("", "", FleetOps.Core.Access.AccessScope.Nothing);
    private bool _isTechnician;
    private ViewAddress? _address;
    private string _state = OpenStates;
    private string? _region;
    private string? _store;
    private RegionStoreChoice _choices = RegionStoreChoice.None;
    private string? _assignee;
    private bool _overdueOnly;
    private MaintenancePlan? _plan;
    private int _page = 1;
    private IReadOnlyList<WorkOrder> _rows = [];
    private DateTimeOffset _now;
    private IReadOnlyList<StoreInfo> _visibleStores = [];
    private IReadOnlyList<StoreInfo> _dispatchStores = [];
    private IReadOnlyList<UserAccess> _technicians = [];
    /// <summary>Who the assignee filter offers: the technicians of the person's stores and anyone else their work is booked to.</summary>
    private IReadOnlyList<(string Email, string Name)> _assignees = [];

    private int PageCount => Math.Max(1, (_rows.Count + PageSize - 1) / PageSize);

    private IReadOnlyList<WorkOrder> PageRows => _rows.Skip((_page - 1) * PageSize).Take(PageSize).ToList();

    private int ActiveFilters => (_state != OpenStates ? 1 : 0) + (_region is null ? 0 : 1) + (_store is null ? 0 : 1) + (_assignee is null ? 0 : 1) + (_overdueOnly ? 1 : 0) + (_plan is null ? 0 : 1);

    protected override async Task OnInitializedAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        _isTechnician = _actor.Role == Roles.Technician;
        _visibleStores = Stores.All.Where(_actor.Scope.AllowsStore).OrderBy(s => s.Code).ToList();
        _dispatchStores = _visibleStores.Where(s => _actor.CanDispatch(s.Code, Stores)).ToList();
        _technicians = WorkActor.Technicians(Users, _visibleStores, Stores);
        _address = FollowAddress(() =>
        {
            ReadAddress();
            Load();
            return Task.CompletedTask;
        });
        ReadAddress();
        Load();
        Follow(Book, o => _actor.CanSee(o, Stores));
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync()
    {
        _assignees = Assignees(); // work booked meanwhile names its person (an address change reads them in ReadAddress)
        Load();
        return Task.CompletedTask;
    }

    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _state = a["state"] is AnyState ? AnyState : filter.Enum<WorkOrderState>("state", a["state"]) is { } state ? state.ToWire() : OpenStates;
        // A region or store the person does not see is ignored, like any value the page does not offer.
        var (region, store) = RegionStoreChoice.Read(a);
        _region = RegionStoreChoice.Of(_actor.Scope, Stores, null).Regions.FirstOrDefault(r => r.Equals(region, StringComparison.OrdinalIgnoreCase));
        _choices = RegionStoreChoice.Of(_actor.Scope, Stores, _region);
        _store = _choices.Stores.FirstOrDefault(s => s.Code.Equals(store, StringComparison.OrdinalIgnoreCase))?.Code;
        _assignees = Assignees();
        _assignee = _isTechnician ? null
            : a["assignee"] is Unassigned ? Unassigned
            : _assignees.FirstOrDefault(u => u.Email.Equals(a["assignee"], StringComparison.OrdinalIgnoreCase)).Email;
        _overdueOnly = a["overdue"] == "true";
        _plan = long.TryParse(a["plan"], out var planId) && Book.Plan(planId) is { } plan ? plan : null;
        _page = GridPosition.Read(a, [PageSize], []).Page;
    }

    private void WriteAddress() => _address?.Write(new Dictionary<string, string?>(new GridPosition(null, false, _page, PageSize).Parameters(PageSize))
    {
        ["state"] = _state == OpenStates ? null : _state,
        ["region"] = _region,
        ["store"] = _store,
        ["assignee"] = _assignee,
        ["overdue"] = _overdueOnly ? "true" : null,
        ["plan"] = _plan?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private void Load()
    {
        _now = Time.GetUtcNow();
        var query = new WorkOrderQuery
        {
            State = new ListFilter().Enum<WorkOrderState>("state", _state is OpenStates or AnyState ? null : _state),
            Region = _region,
            Stores = _store is null ? null : new HashSet<string>([_store], StringComparer.OrdinalIgnoreCase),
            Assignee = _assignee is Unassigned ? null : _assignee,
            Unassigned = _assignee is Unassigned,
            OverdueOnly = _overdueOnly,
            PlanId = _plan?.Id,
        };
        var rows = query.Run(Book.All, _actor, Stores, _now).Where(o => _state != OpenStates || o.IsOpen);
        // One rule: work still to do reads by when it happens, soonest first (the most overdue and the next visit on top);
        // a list that holds finished work (all states, done, cancelled) reads latest first, or page 1 was months ago.
        _rows = (HoldsFinishedWork ? rows.Reverse() : rows).ToList();
        _page = Math.Min(_page, PageCount);
    }

    private bool HoldsFinishedWork => _state is AnyState || _state == WorkOrderState.Done.ToWire() || _state == WorkOrderState.Cancelled.ToWire();

    private void SetFilter(Action set)
    {
        set();
        _page = 1;
        WriteAddress();
        Load();
    }

    /// <summary>A region narrows the stores offered; a store chosen before in another region no longer applies.</summary>
    private void SetRegion(string? region) => SetFilter(() =>
    {
        _region = region;
        _choices = RegionStoreChoice.Of(_actor.Scope, Stores, _region);
        if (_store is not null && !_choices.Stores.Any(s => s.Code.Equals(_store, StringComparison.OrdinalIgnoreCase))) _store = null;
    });

    private void SetPage(int page)
    {
        _page = page;
        WriteAddress();
    }

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<WorkOrderDialog>(T["Maintenance.New"],
            new DialogParameters<WorkOrderDialog> { { d => d.Stores, _dispatchStores } }, Admin.FormDialog.Options);
        if (await dialog.Result is not { Canceled: false, Data: WorkOrderDraft draft }) return;
        var result = await Service.CreateAsync(draft, _actor, null);
        if (result.Value is not { } order)
        {
            Snackbar.Add(F.Message(result.Detail ?? ""), Severity.Error);
            return;
        }
        Navigation.NavigateTo(WorkOrdersPage.PathOf(order.Id));
    }

    private string StateTitle(string? state) => state switch
    {
        OpenStates or null => T["Maintenance.State.Open"],
        AnyState => T["Maintenance.State.Any"],
        _ => new ListFilter().Enum<WorkOrderState>("state", state) is { } s ? F.Name(s) : state,
    };

    /// <summary>
    /// The technicians of the person's stores, and anyone else their visible work is booked to — a technician who has left
    /// one of the stores since, say — so each name the KPI page counts overdue work for can be filtered on here.
    /// </summary>
    private IReadOnlyList<(string Email, string Name)> Assignees()
    {
        var booked = Book.All.Where(o => o.Assignee is not null && _actor.CanSee(o, Stores)).Select(o => o.Assignee!);
        return _technicians.Select(u => u.Email).Concat(booked).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => (e, Users.DisplayNameOf(e))).OrderBy(u => u.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The chosen assignee as the field shows it: by name, not by e-mail.</summary>
    private string AssigneeChoice(string? choice) => choice is null ? "" : choice is Unassigned ? T["Kpi.Unassigned"] : Users.DisplayNameOf(choice);

    private string AssigneeName(string? email) => Users.DisplayNameOf(email);
}
