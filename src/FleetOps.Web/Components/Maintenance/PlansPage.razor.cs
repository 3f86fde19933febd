using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// Preventive plans (issue 14 item 2): the plans that reach the person's stores, live from <see cref="MaintenanceBook"/> —
/// what each covers, how it repeats, its checklist, its next visits (<see cref="PlanService.Visits"/>, the calendar's rule)
/// and its open work. Dispatchers make plans here, edit and end them; store managers and technicians read. The view (store, text)
/// lives in the address.
/// </summary>
public partial class PlansPage
{
    public const string Path = "maintenance/plans";

    /// <summary>How many next visits a row shows, and how far ahead it looks for them.</summary>
    private const int VisitsShown = 3;
    private const int DaysAhead = 366;

    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private PlanService Plans { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MaintenanceActor _actor = new("", "", FleetOps.Core.Access.AccessScope.Nothing);
    private ViewAddress? _address;
    private IReadOnlyList<StoreInfo> _visibleStores = [];
    private IReadOnlyList<StoreInfo> _dispatchStores = [];
    private string? _store, _text;
    private IReadOnlyList<PlanRow> _rows = [];

    private bool IsDispatcher => _actor.Role is Roles.Administrator or Roles.RegionalManager && _dispatchStores.Count > 0;

    private int ActiveFilters => (_store is null ? 0 : 1) + (string.IsNullOrWhiteSpace(_text) ? 0 : 1);

    protected override async Task OnInitializedAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        _visibleStores = Stores.All.Where(_actor.Scope.AllowsStore).OrderBy(s => s.Code).ToList();
        _dispatchStores = _visibleStores.Where(s => _actor.CanDispatch(s.Code, Stores)).ToList();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            Load();
            return Task.CompletedTask;
        });
        ReadAddress();
        Load();
        Follow(Book.PlanChanges);
        Follow(Book, o => o.PlanId is not null); // open counts and a completion-basis plan's next visit
        FollowClock(TimeSpan.FromMinutes(5)); // a new day moves the next visits on
    }

    protected override Task OnLiveChangeAsync()
    {
        Load();
        return Task.CompletedTask;
    }

    private void ReadAddress()
    {
        var a = _address!;
        _store = _visibleStores.FirstOrDefault(s => s.Code.Equals(a["store"], StringComparison.OrdinalIgnoreCase))?.Code;
        _text = string.IsNullOrWhiteSpace(a["q"]) ? null : a["q"]!.Trim();
    }

    private void SetFilter(Action set)
    {
        set();
        _address?.Write(new Dictionary<string, string?> { ["store"] = _store, ["q"] = string.IsNullOrWhiteSpace(_text) ? null : _text.Trim() });
        Load();
    }

    /// <summary>Each plan with the subjects the person may see (a model plan reaching other regions shows only theirs).</summary>
    private void Load()
    {
        var zone = StoreTime.Common(Stores, _actor.Scope.StoreCodes(Stores));
        var now = Time.GetUtcNow();
        var today = Recurrence.LocalDate(now, zone);
        _rows = Book.Plans
            .Select(p => (Plan: p, Subjects: Plans.Subjects(p).Where(s => _actor.Scope.AllowsStore(s.StoreCode, Stores)).ToList()))
            .Where(x => x.Subjects.Count > 0 || _actor.Scope.Everything)
            .Where(x => _store is null || x.Subjects.Any(s => s.StoreCode.Equals(_store, StringComparison.OrdinalIgnoreCase)))
            .Where(x => Matches(x.Plan)) // before the visits are worked out, which cost the most
            .Select(x => new PlanRow(x.Plan, x.Subjects,
                // A visit whose work order is already done (early) or cancelled is not ahead any more.
                Plans.Visits(x.Plan, x.Subjects, today, today.AddDays(DaysAhead))
                    .Where(v => v.WorkOrderId is not { } id || Book.Get(id)?.IsOpen != false)
                    .Select(v => v.Date).Distinct().Take(VisitsShown).ToList(),
                Book.OfPlan(x.Plan.Id).Count(o => o.IsOpen && _actor.CanSee(o, Stores)),
                Book.OfPlan(x.Plan.Id).Count(o => o.IsOverdue(now) && _actor.CanSee(o, Stores)),
                Plans.CanManage(x.Plan, _actor)))
            .OrderByDescending(r => r.Plan.Active).ThenBy(r => r.Plan.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private bool Matches(MaintenancePlan plan) => _text is null
        || new[] { plan.Name, plan.StoreCode, plan.Model, ChecklistTitle(plan), Users.DisplayNameOf(plan.DefaultTechnician) }
            .Concat(plan.TerminalIds)
            .Any(t => t?.Contains(_text, StringComparison.CurrentCultureIgnoreCase) == true);

    private string ChecklistTitle(MaintenancePlan plan) => Book.Template(plan.Checklist) is { } t ? ChecklistText.Title(T, t) : plan.Checklist;

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<PlanDialog>(T["Plans.New"], new DialogParameters<PlanDialog>
        {
            { d => d.Actor, _actor }, { d => d.Stores, _dispatchStores },
        }, Admin.FormDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: MaintenancePlan plan })
        {
            Snackbar.Add(T["Plans.Created", plan.Name], Severity.Success);
            Load();
        }
    }

    /// <summary>The plan's own form, filled in (who may end a plan may edit it).</summary>
    private async Task EditAsync(MaintenancePlan plan)
    {
        var dialog = await Dialogs.ShowAsync<PlanDialog>(T["Plans.Edit.Title"], new DialogParameters<PlanDialog>
        {
            { d => d.Actor, _actor }, { d => d.Stores, _dispatchStores }, { d => d.Plan, plan },
        }, Admin.FormDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: MaintenancePlan saved })
        {
            Snackbar.Add(T["Plans.Saved", saved.Name], Severity.Success);
            Load();
        }
    }

    private async Task EndAsync(MaintenancePlan plan)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Plans.EndQuestion", plan.Name], T["Plans.EndExplain"], yesText: T["Plans.End"],
            cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        var result = await Plans.EndAsync(plan.Id, _actor, null);
        Snackbar.Add(result.Value is null ? F.Message(result.Detail ?? "") : T["Plans.EndedNote", plan.Name], result.Value is null ? Severity.Error : Severity.Success);
        Load();
    }

    /// <summary>One line of the list: the plan, the subjects the person sees, its next visit dates, its open work and how much of it is overdue, whether they may end it.</summary>
    private sealed record PlanRow(MaintenancePlan Plan, IReadOnlyList<PlanSubject> Subjects, IReadOnlyList<DateOnly> Next, int Open, int Overdue, bool CanEnd);
}
