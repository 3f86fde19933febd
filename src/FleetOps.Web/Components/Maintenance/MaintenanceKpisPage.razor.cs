using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// Maintenance KPIs (issue 14 item 7): planned vs done, overdue now and over time, on-time rate and alert → done, per
/// region and per technician, of the work the person may see (<see cref="MaintenanceKpiQuery"/>, the API's rule). Live
/// from <see cref="MaintenanceBook"/>; the clock re-counts what is overdue. Period and region live in the address.
/// </summary>
public partial class MaintenanceKpisPage
{
    public const string Path = "maintenance/kpis";

    private static readonly int[] Periods = [MaintenanceKpiQuery.DefaultDays, 90];

    // Planned in the work orders' blue, done in green; overdue in the error red of the overdue chip.
    private readonly BarChartOptions _barOptions = new()
    {
        ChartPalette = ["#1565c0", "#2e7d32"], YAxisFormat = "N0",
    };

    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private MaintenanceService Service { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;

    private MaintenanceActor _actor = new("", "", FleetOps.Core.Access.AccessScope.Nothing);
    private ViewAddress? _address;
    private int _days = MaintenanceKpiQuery.DefaultDays;
    private string? _region;
    private IReadOnlyList<string> _regions = [];
    private KpiReport? _report;
    private List<ChartSeries<double>> _plannedDone = [], _overdue = [];
    private string[] _labels = [];
    private LineChartOptions _lineOptions = new();

    protected override async Task OnInitializedAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        _regions = Stores.All.Where(_actor.Scope.AllowsStore).Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        _address = FollowAddress(async () =>
        {
            ReadAddress();
            await LoadAsync();
        });
        ReadAddress();
        await LoadAsync();
        Follow(Book, o => _actor.CanSee(o, Stores));
        // Work becomes overdue by the clock alone.
        FollowClock(TimeSpan.FromMinutes(1));
    }

    protected override Task OnLiveChangeAsync() => LoadAsync();

    /// <summary>
    /// "Overdue now" opens the work itself — the list's overdue filter, of the region chosen, the same rule and the same work
    /// the person may see, so the count and the list agree; before, the card led only to the chart, and a planner could not
    /// reach what was late.
    /// </summary>
    private string OverdueHref => WorkOrdersPage.OverduePath(_region);

    /// <summary>
    /// A technician's (or nobody's) overdue count opens that person's overdue work. A technician sees only their own work,
    /// and their list offers no assignee filter: theirs opens their overdue list.
    /// </summary>
    private string TechnicianOverdueHref(string? assignee) =>
        _actor.Role == Roles.Technician ? OverdueHref : WorkOrdersPage.OverduePath(_region, assignee);

    /// <summary>The view as the address gives it; what the page does not offer is ignored, as on every page.</summary>
    private void ReadAddress()
    {
        _days = int.TryParse(_address!["days"], out var days) && Periods.Contains(days) ? days : MaintenanceKpiQuery.DefaultDays;
        _region = _regions.FirstOrDefault(r => r.Equals(_address["region"], StringComparison.OrdinalIgnoreCase));
    }

    private void WriteAddress() => _address?.Write(new Dictionary<string, string?>
    {
        ["days"] = _days == MaintenanceKpiQuery.DefaultDays ? null : _days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["region"] = _region,
    });

    private async Task SetDaysAsync(int days)
    {
        _days = days;
        WriteAddress();
        await LoadAsync();
    }

    private async Task SetRegionAsync(string? region)
    {
        _region = region;
        WriteAddress();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var report = await new MaintenanceKpiQuery { Region = _region, Days = _days }.RunAsync(Book, Service, _actor, Stores, Time.GetUtcNow());
        var last = report.Buckets.Count - 1;
        // Days as the other charts write them; a week by its Monday. The last one is still running: "today" / "this week".
        _labels = ChartTicks.Thin(report.Buckets
            .Select((b, i) => i == last ? T[report.Weekly ? "Kpi.ThisWeek" : "Chart.Today"].Value : b.Start.ToString(T["Chart.DayFormat"], F.Culture))
            .ToList());
        _plannedDone =
        [
            Series(T["Kpi.Planned"], report.Buckets.Select(b => b.Planned)),
            Series(T["Kpi.Done"], report.Buckets.Select(b => b.Done)),
        ];
        ChartTicks.CountAxis(_barOptions, _plannedDone);
        // The last point is now, not the end of an interval: drawn lighter, never read as a fall (PartialInterval).
        var (finished, soFar) = PartialInterval.Split(report.Buckets.Select(b => (double)b.Overdue).ToList(), T["Kpi.Overdue"], T["Kpi.OverdueSoFar"]);
        _overdue = [finished, soFar];
        _lineOptions = new LineChartOptions { ChartPalette = ["#c62828", "#c62828"], YAxisFormat = "N0", YAxisRequireZeroPoint = true,
            ShowDataMarkers = ChartTicks.HasLonePoint(_overdue) };
        ChartTicks.CountAxis(_lineOptions, _overdue);
        PartialInterval.Lighten(_lineOptions, soFar);
        _report = report;
    }

    /// <summary>
    /// No work planned, done or overdue in the period, nor overdue at any interval's end: both charts would be flat lines
    /// at zero, so the page says so in a sentence instead.
    /// </summary>
    private static bool NothingToChart(KpiReport report) =>
        report.Total is { Planned: 0, Done: 0, OverdueNow: 0 } && report.Buckets.All(b => b is { Planned: 0, Done: 0, Overdue: 0 });

    private string TechnicianName(string? email) => email is null ? T["Kpi.Unassigned"] : Users.DisplayNameOf(email);

    private static ChartSeries<double> Series(string name, IEnumerable<int> values) =>
        new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToList()) };
}
