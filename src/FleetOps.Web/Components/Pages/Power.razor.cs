using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

/// <summary>
/// The power page (issue 12): which terminals suffer unstable power and whether the device or the store is to blame,
/// store outages with the payments they interrupted, weak batteries, and when and where losses happen. Live: it follows
/// the fleet (losses, reports, batteries) and the book (interrupted payments); the chosen store is in the address.
/// </summary>
public partial class Power
{
    /// <summary>Rows per list; the rest is a link away (the terminals grid filtered by power).</summary>
    private const int ListedRows = 15;

    private BarChartOptions _perDayOptions = new(), _byHourOptions = new(), _topOptions = new();

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private PowerIncidents Incidents { get; set; } = default!;
    [Inject] private TransactionBook Book { get; set; } = default!;
    [Inject] private FleetOps.Web.Cases.CaseBook Cases { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    /// <summary>The thresholds in force now: an administrator may change them while the page is open.</summary>
    private DetectionOptions Detection => Fleet.Options;

    private AccessScope _scope = AccessScope.Nothing;

    /// <summary>The stores the scope covers (null: every store), as of the last rebuild: a region may gain a store.</summary>
    private IReadOnlySet<string>? _ownStores;
    private ViewAddress? _address;
    private string? _store;

    /// <summary>The incident whose interrupted payments are shown (<c>incident=</c> in the address, so a link opens it).</summary>
    private string? _expanded;
    private DateTimeOffset _now;
    private PowerModel _model = new();
    private IReadOnlyList<PowerIncident> _incidents = [];
    private List<ChartSeries<double>> _perDaySeries = [], _byHourSeries = [], _topSeries = [];
    private string[] _perDayLabels = [], _byHourLabels = [], _topLabels = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        Rebuild();
        // Terminals with a loss or a measured battery, and any terminal of a store in an outage (its report ends it).
        Follow(Fleet, t => (t.Assessment.LastLossAt is not null || t.Assessment.Battery.Status != BatteryStatus.Unknown)
                           && _scope.AllowsTerminal(t, Stores));
        // Interrupted payments appear when a sale's completion deadline passes.
        Follow(Book, t => t.Verdict.Reason == UnsettledReason.InterruptedByPowerLoss && _scope.AllowsStore(t.StoreCode, Stores));
        // A case opened or moved for an interrupted payment changes its chip.
        Follow(Cases, c => _scope.AllowsStore(c.StoreCode, Stores));
        // Durations of ongoing outages and "last loss … ago" age.
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    private Task AddressChangedAsync()
    {
        ReadAddress();
        Rebuild();
        return Task.CompletedTask;
    }

    /// <summary>The store as the address gives it; a value the filter parser refuses is ignored, as on every page.</summary>
    private void ReadAddress()
    {
        _store = RegionStoreChoice.StoreIn(_address!);
        _expanded = _address!["incident"];
    }

    private void ToggleIncident(string id)
    {
        _expanded = _expanded == id ? null : id;
        _address!.Write(new Dictionary<string, string?> { ["incident"] = _expanded });
    }

    private Task ChooseStoreAsync(string? store)
    {
        _store = store;
        _address!.Write(new Dictionary<string, string?> { ["store"] = store });
        Rebuild();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The store filter, for people with several stores. Someone with one store (a store manager, usually) could only
    /// choose that store, which the page already shows; they still get it when the address names another store, so
    /// they can clear it.
    /// </summary>
    private bool OffersStoreFilter => _ownStores is not { Count: <= 1 } mine || _store is not null && !mine.Contains(_store);

    private string? ZoneOf(string store) => Stores.Get(store)?.TimeZone;

    /// <summary>"15 of 15": an outage's terminals affected of those in the store (a column from 600 px, under the start below).</summary>
    private string Affected(PowerIncident i) => T["Power.Incident.AffectedOf", i.Incident.AffectedTerminals.Count, i.Incident.TerminalsInStore];

    private void Rebuild()
    {
        _now = Time.GetUtcNow();
        _ownStores = _scope.StoreCodes(Stores);
        _model = PowerModel.Build(Fleet, Stores, Incidents, _scope, _store, _now);
        _incidents = [.. _model.OpenIncidents, .. _model.RecentIncidents.Take(ListedRows)];
        var series = T["Power.Series.Losses"].Value;
        // Days as the money-at-risk chart writes them, the last one "today".
        _perDayLabels = ChartTicks.Thin(_model.LossesPerDay
            .Select((d, i) => i == _model.LossesPerDay.Count - 1 ? T["Chart.Today"].Value : d.Day.ToString(T["Chart.DayFormat"], F.Culture)).ToList());
        _perDaySeries = [Series(series, _model.LossesPerDay.Select(d => d.Losses))];
        _byHourLabels = ChartTicks.Thin(Enumerable.Range(0, 24).Select(h => $"{h:00}:00").ToList());
        _byHourSeries = [Series(series, _model.LossesByHour)];
        _topLabels = _model.TopStores.Select(s => s.Store).ToArray();
        _topSeries = [Series(series, _model.TopStores.Select(s => s.Losses))];
        (_perDayOptions, _byHourOptions, _topOptions) = (LossOptions(_perDaySeries), LossOptions(_byHourSeries), LossOptions(_topSeries));
    }

    // One colour for every loss chart: they count the same thing. Each its own step: a day's losses are many hours' worth.
    private static BarChartOptions LossOptions(List<ChartSeries<double>> series)
    {
        var options = new BarChartOptions { ChartPalette = ["#ef6c00"], YAxisFormat = "N0" };
        ChartTicks.CountAxis(options, series);
        return options;
    }

    private static ChartSeries<double> Series(string name, IEnumerable<int> values) =>
        new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToList()) };
}
