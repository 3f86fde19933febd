using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Security;
using FleetOps.Web.Live;
using FleetOps.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

public partial class Overview
{
    /// <summary>Stores with problems listed on the overview; the rest are one link away (the stores page, problems only).</summary>
    private const int ProblemStoresShown = 15;

    // As many bars as the axis has readable labels: every bar names its store.
    private const int ChartedStores = ChartTicks.MaxLabels;

    // The same colours as the status chips: online green, offline red, never heard from grey.
    private readonly StackedBarChartOptions _connectivityOptions = new() { ChartPalette = ["#2e7d32", "#c62828", "#9e9e9e"] };
    private LineChartOptions _eventOptions = new();
    private string? _countedSince;

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private IngestStatistics Statistics { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private TransactionBook Book { get; set; } = default!;
    [Inject] private MoneyAtRiskHistory RiskHistory { get; set; } = default!;
    [Inject] private FleetOps.Web.Cases.CaseBook Cases { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;

    private OverviewModel _model = new();
    private List<ChartSeries<double>> _eventSeries = [];
    private string[] _eventLabels = [];
    private List<ChartSeries<double>> _storeSeries = [];
    private string[] _storeLabels = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        Rebuild();
        Follow(Fleet, t => _scope.AllowsTerminal(t, Stores));
        // The chart of events per minute moves even when no terminal changes state, hence the clock.
        FollowClock(TimeSpan.FromSeconds(5));
        // Money at risk changes with the book (a sale times out, a settlement arrives), relayed by the history so the
        // chart has the closed sales first; and with cases resolved by hand.
        Follow(RiskHistory, t => _scope.AllowsStore(t.StoreCode, Stores));
        Follow(Cases, c => _scope.AllowsStore(c.StoreCode, Stores));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    private void Rebuild()
    {
        _model = OverviewModel.Build(Fleet, Stores, Statistics, Time.GetUtcNow(), _scope, Book, RiskHistory, Cases);
        // Minutes in the stores' zone (the one the page's other times use), not the server's.
        _eventLabels = ChartTicks.Thin(_model.EventsPerMinute
            .Select(p => TimeZoneInfo.ConvertTime(p.Minute, _model.RiskTrendZone).ToString("HH:mm", F.Culture)).ToList());
        var (finished, soFar) = PartialInterval.Split(_model.EventsPerMinute.Select(p => (double?)p.Events).ToList(),
            T["Overview.Series.Events"], T["Overview.Series.ThisMinute"]);
        _eventSeries = [finished, soFar];
        // A gap, not a flat zero, where this node was not yet counting: an operator would read zero as "terminals silent".
        _countedSince = _model.EventsPerMinute.Count > 0 && _model.EventsPerMinute[0].Events is null
            ? TimeZoneInfo.ConvertTime(Statistics.Since, _model.RiskTrendZone).ToString("HH:mm", F.Culture)
            : null;
        // A new options object per build: the running minute's series is a new object each time. Both lines in one
        // colour (the palette goes by series): the lighter one is the same traffic, not yet counted to the end.
        _eventOptions = new LineChartOptions { ChartPalette = ["#1565c0", "#1565c0"], YAxisRequireZeroPoint = true, YAxisFormat = "N0",
            ShowDataMarkers = ChartTicks.HasLonePoint(_eventSeries) };
        ChartTicks.CountAxis(_eventOptions, _eventSeries);
        PartialInterval.Lighten(_eventOptions, soFar);

        // Only stores with a terminal offline or never heard from: a store whose terminals are all online needs no bar.
        var charted = _model.Stores.Where(s => s.Offline + s.Unknown > 0)
            .OrderByDescending(s => s.Offline).ThenByDescending(s => s.Unknown).ThenByDescending(s => s.Problems).ThenBy(s => s.Store.Code)
            .Take(ChartedStores).ToList();
        _storeLabels = charted.Select(s => s.Store.Code).ToArray();
        _storeSeries =
        [
            new ChartSeries<double> { Name = F.Name(Connectivity.Online), Data = new ChartData<double>(charted.Select(s => (double)s.Online).ToList()) },
            new ChartSeries<double> { Name = F.Name(Connectivity.Offline), Data = new ChartData<double>(charted.Select(s => (double)s.Offline).ToList()) },
            new ChartSeries<double> { Name = T["Overview.Series.NeverHeard"], Data = new ChartData<double>(charted.Select(s => (double)s.Unknown).ToList()) },
        ];
        ChartTicks.CountAxis(_connectivityOptions, _storeSeries, stacked: true);
    }
}
