using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// The maintenance calendar (issue 14 item 4): a day, a week or a month of bookings, per technician or region, live.
/// Dispatchers (administrators, regional managers) book open work by dragging it from "to be booked" onto a day or an hour
/// and reschedule by dragging a booking — or, on a touch screen, by tapping "move" and then the new day: the same move.
/// A booking that overlaps another of the same technician is marked, and the booking says so when it is made. Technicians
/// see their own bookings; store managers the visits planned for their stores. Plans' visits beyond what has been
/// generated show ahead, faded. The view (day/week/month, date, technician, region) lives in the address.
/// </summary>
public partial class MaintenanceCalendar
{
    /// <summary>The hours a day view offers to drop work on: a technician's working day.</summary>
    private static readonly int[] Hours = [.. Enumerable.Range(7, 13)];

    private static readonly TimeOnly DefaultStart = new(9, 0);

    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private MaintenanceService Service { get; set; } = default!;
    [Inject] private PlanService Plans { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MaintenanceActor? _actor;
    private ViewAddress? _address;
    private CalendarView _view = CalendarView.Week;
    private DateOnly _date;
    private string? _technician, _region;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private CalendarModel _model = CalendarModel.Build([], [], [], TimeZoneInfo.Utc);
    private IReadOnlyList<UserAccess> _technicians = [];
    private IReadOnlyList<string> _regions = [];
    private IReadOnlyList<StoreInfo> _visibleStores = [];
    private WorkOrder? _moving;
    private DateOnly _today;
    private DateTimeOffset _now;

    private bool IsDispatcher => _actor?.Role is Roles.Administrator or Roles.RegionalManager;

    private bool IsTechnician => _actor?.Role == Roles.Technician;

    protected override async Task OnInitializedAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        var scope = _actor.Scope;
        _zone = StoreTime.Common(Stores, scope.StoreCodes(Stores));
        _visibleStores = Stores.All.Where(scope.AllowsStore).ToList();
        _regions = _visibleStores.Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            Rebuild();
            return Task.CompletedTask;
        });
        ReadAddress();
        Rebuild();
        Follow(Book, o => _actor.CanSee(o, Stores));
        FollowClock(TimeSpan.FromMinutes(1));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _view = filter.Enum<CalendarView>("view", a["view"]) ?? CalendarView.Week;
        _today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _zone).DateTime);
        _date = DateOnly.TryParseExact(a["date"], "yyyy-MM-dd", out var date) ? date : _today;
        _technician = IsTechnician ? _actor!.Name : a["technician"];
        _region = _regions.FirstOrDefault(r => string.Equals(r, a["region"], StringComparison.OrdinalIgnoreCase));
    }

    private void WriteAddress() => _address?.Write(new Dictionary<string, string?>
    {
        ["view"] = _view == CalendarView.Week ? null : _view.ToWire(),
        ["date"] = _date == _today ? null : _date.ToString("yyyy-MM-dd"),
        ["technician"] = IsTechnician ? null : _technician,
        ["region"] = _region,
    });

    private void Rebuild()
    {
        if (_actor is null) return;
        // The minute's clock marks the bookings that went past their due time still open, as the list does.
        _now = Time.GetUtcNow();
        // A calendar left open overnight (a tablet in the back office): past midnight "today" and its mark move on, and a
        // view that showed today (no date in the address) shows the new day.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_now, _zone).DateTime);
        if (today != _today)
        {
            if (_date == _today && _address?["date"] is null) _date = today;
            _today = today;
        }
        _technicians = WorkActor.Technicians(Users, _visibleStores, Stores);
        var days = CalendarModel.Range(_view, _date);
        // With a technician chosen, the work to be booked is the work they may take: offering another store's work to drag
        // onto them only to refuse the drop wasted the dispatcher's move (an outside tester's finding).
        var chosen = _technician is null ? null : Users.ByEmail(_technician);
        var orders = Book.All.Where(o => _actor.CanSee(o, Stores) && InRegion(o.StoreCode)
            && (_technician is null
                || (o.ScheduledStart is null
                    ? chosen is null || TechnicianRule.Problem(chosen, o.StoreCode, Stores) is null
                    : string.Equals(o.Assignee, _technician, StringComparison.OrdinalIgnoreCase)))).ToList();
        _model = CalendarModel.Build(orders, IsTechnician ? [] : PlannedAhead(days), days, _zone);
        if (_moving is not null && Book.Get(_moving.Id) is { IsOpen: false }) _moving = null;
    }

    private bool InRegion(string storeCode) => _region is null || string.Equals(Stores.Get(storeCode)?.Region, _region, StringComparison.OrdinalIgnoreCase);

    /// <summary>The plans' visits in the range that have no work order yet (generation reaches only so far ahead).</summary>
    private IEnumerable<(PlannedOccurrence, MaintenancePlan)> PlannedAhead(IReadOnlyList<DateOnly> days)
    {
        foreach (var plan in Book.Plans.Where(p => p.Active))
        {
            if (_technician is not null && !string.Equals(plan.DefaultTechnician, _technician, StringComparison.OrdinalIgnoreCase)) continue;
            var made = Book.OfPlan(plan.Id).Where(o => o.Occurrence is not null).Select(o => (o.Subject, o.Occurrence!)).ToHashSet();
            var subjects = Plans.Subjects(plan).Where(s => _actor!.Scope.AllowsStore(s.StoreCode, Stores) && InRegion(s.StoreCode));
            foreach (var visit in PlanSchedule.Upcoming(plan, subjects, days[0], days[^1]))
            {
                if (!made.Contains((visit.Subject.Key, visit.Occurrence))) yield return (visit, plan);
            }
        }
    }

    private void Show(CalendarView view, DateOnly date)
    {
        (_view, _date) = (view, date);
        WriteAddress();
        Rebuild();
    }

    private void ChooseTechnician(string? email)
    {
        _technician = email;
        WriteAddress();
        Rebuild();
    }

    private void ChooseRegion(string? region)
    {
        _region = region;
        WriteAddress();
        Rebuild();
    }

    private bool CanMove(WorkOrder order) => order.IsOpen && order.State != WorkOrderState.InProgress && _actor!.CanDispatch(order.StoreCode, Stores);

    /// <summary>Picked up: by a drag, or by the move button on a touch screen (then the next tap on a day places it).</summary>
    private void Pick(WorkOrder order) => _moving = CanMove(order) ? order : null;

    private void TogglePick(WorkOrder order) => _moving = _moving?.Id == order.Id ? null : CanMove(order) ? order : null;

    /// <summary>
    /// Books the picked work on <paramref name="day"/> (at <paramref name="hour"/> in a day view, else at the time it had,
    /// or 09:00), for as long as it was booked (or the plan's estimate, or an hour), to the technician it had or the one
    /// the calendar shows.
    /// </summary>
    private async Task PlaceAsync(DateOnly day, int? hour = null)
    {
        if (_moving is not { } order || _actor is null) return;
        _moving = null;
        var assignee = order.Assignee ?? _technician;
        if (assignee is null)
        {
            Snackbar.Add(T["Calendar.ChooseTechnician"], Severity.Warning);
            return;
        }
        var length = order.ScheduledStart is { } s && order.ScheduledEnd is { } e ? e - s
            : TimeSpan.FromMinutes(order.PlanId is { } planId && Book.Plan(planId) is { } plan ? plan.EstimatedMinutes : MaintenancePlan.DefaultEstimatedMinutes);
        var start = StartOf(order, day, hour);
        // A drop on a slot already begun (the browser may still deliver it): a visit booked in the past is one nobody makes.
        if (start <= Time.GetUtcNow())
        {
            Snackbar.Add(T["Calendar.SlotBegun"], Severity.Warning);
            return;
        }
        var result = await Service.ScheduleAsync(order.Id, assignee, start, start + length, _actor, null);
        if (result.Value is null)
        {
            Snackbar.Add(F.Message(result.Detail ?? ""), Severity.Error);
        }
        else if (result.Conflicts.Count > 0)
        {
            Snackbar.Add(T["Calendar.Conflicts", WorkOrderText.Title(T, Book, result.Value),
                string.Join(T["List.Comma"], result.Conflicts.Select(c => WorkOrderText.Title(T, Book, c)))], Severity.Warning);
        }
        else
        {
            Snackbar.Add(T["Calendar.Booked", WorkOrderText.Title(T, Book, result.Value), F.Minute(start, _zone.Id)], Severity.Success);
        }
        Rebuild();
    }

    /// <summary>When the picked work would start if placed on <paramref name="day"/> (at <paramref name="hour"/>, else at the time it had, or 09:00).</summary>
    private DateTimeOffset StartOf(WorkOrder order, DateOnly day, int? hour)
    {
        var time = hour is { } h ? new TimeOnly(h, 0)
            : order.ScheduledStart is { } was ? TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(was, _zone).DateTime) : DefaultStart;
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Whether the picked work may be placed there: only on a slot not yet begun (by the minute's clock), so a past day, or
    /// today at 09:00 in the afternoon, is neither offered nor takes a drop.
    /// </summary>
    private bool CanPlace(DateOnly day, int? hour = null) => _moving is { } order && StartOf(order, day, hour) > _now;

    private string Title => _view switch
    {
        CalendarView.Day => F.Date(_date),
        CalendarView.Week => T["Calendar.WeekOf", F.Date(_model.Days[0]), F.Date(_model.Days[^1])],
        _ => _date.ToDateTime(TimeOnly.MinValue).ToString("Y", System.Globalization.CultureInfo.CurrentUICulture),
    };

    private string Slot(CalendarEntry e) => e.Start is { } s && e.End is { } end
        ? T["Calendar.Slot", TimeZoneInfo.ConvertTime(s, _zone).ToString("HH:mm"), TimeZoneInfo.ConvertTime(end, _zone).ToString("HH:mm")]
        : "";

    private string PersonName(string? email) => Users.DisplayNameOf(email);

    private static string OrderHref(WorkOrder o) => $"maintenance/workorders/{o.Id}";

    private static Color PriorityColour(WorkOrderPriority p) => p switch
    {
        WorkOrderPriority.Urgent => Color.Error,
        WorkOrderPriority.High => Color.Warning,
        _ => Color.Default,
    };
}
