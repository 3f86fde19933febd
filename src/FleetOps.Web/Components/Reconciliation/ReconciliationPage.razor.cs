using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Reconciliation;

/// <summary>
/// Reconciliation for everyone who sees stores (issue 16 item 3): per day and acquirer what was sold, credited, still
/// outstanding and mismatched with the money gross vs net; the credited rate over 30 days, one line per acquirer; the
/// exceptions linked to their sale and store; the 90-day scorecard. Scoped by the reader's stores, live: it re-reads
/// when an import commits. The acquirer filter and each table's page live in the address.
/// </summary>
public partial class ReconciliationPage
{
    private const int ChartDays = 30;
    private const int ShownExceptions = 500;
    private const int RowsPerPage = 15;
    private const string DaysPage = "daysPage", ExceptionsPage = "exceptionsPage";
    private static readonly string[] Colours = ["#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#c62828"];

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private ReconciliationService Reconciliation { get; set; } = default!;
    [Inject] private ReconciliationFigures Figures { get; set; } = default!;

    private ViewAddress _address = default!;
    private string? _acquirer;
    private int _daysPage, _exceptionsPage;
    private bool _isAdministrator;
    private IReadOnlyList<string> _acquirers = [];
    private ReconciliationView? _view;
    private IReadOnlyList<AcquirerScore> _scorecard = [];
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private LineChartOptions _options = new();

    private string ExportHref => $"/export/reconciliation-exceptions.csv?acquirer={Uri.EscapeDataString(_acquirer ?? "")}";

    protected override async Task OnInitializedAsync()
    {
        _address = FollowAddress(OnLiveChangeAsync);
        Follow(Reconciliation);
        Follow(Stores);
        await OnLiveChangeAsync();
    }

    protected override async Task OnLiveChangeAsync()
    {
        var scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        _acquirers = Stores.All.Where(s => scope.AllowsStore(s.Code, Stores)).Select(s => s.Acquirer).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        _acquirer = _address["acquirer"] is { } chosen && _acquirers.Contains(chosen) ? chosen : null;
        var now = Time.GetUtcNow();
        var window = ReconciliationWindow.Last(ChartDays, now, Stores, scope, _acquirer, null);
        _view = await Figures.ReadAsync(scope, window, ShownExceptions, CancellationToken.None);
        _scorecard = (await Figures.ReadAsync(scope, ReconciliationWindow.Last(AcquirerScorecard.DefaultDays, now, Stores, scope, _acquirer, null), 0,
            CancellationToken.None)).Scorecard;
        Chart(window, _view.Days);
        _daysPage = TablePage.Read(_address, DaysPage, _view.Days.Count, RowsPerPage);
        _exceptionsPage = TablePage.Read(_address, ExceptionsPage, _view.Exceptions.Count, RowsPerPage);
    }

    private async Task AcquirerChangedAsync(string? acquirer)
    {
        // Another acquirer's days and exceptions start at their first page.
        _address.Write(new Dictionary<string, string?> { ["acquirer"] = acquirer, [DaysPage] = null, [ExceptionsPage] = null });
        await OnLiveChangeAsync();
    }

    private void PageChanged(string table, int index)
    {
        if (table == DaysPage) _daysPage = index;
        else _exceptionsPage = index;
        _address.Write(new Dictionary<string, string?> { [table] = TablePage.Parameter(index) });
    }

    /// <summary>One line per acquirer of the credited rate in %; a day without judged sales (awaiting its report) is a gap, not a fall to zero.</summary>
    private void Chart(ReconciliationFilter window, IReadOnlyList<ReconciliationDay> days)
    {
        var dates = Enumerable.Range(0, ChartDays).Select(window.From.AddDays).ToList();
        var byAcquirer = days.Where(d => d.CreditedRate is not null).GroupBy(d => d.Acquirer).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        _series = byAcquirer.Select(g =>
        {
            var rates = g.ToDictionary(d => d.Day, d => d.CreditedRate!.Value * 100);
            // A null point is left out of the line; NaN (as before) made every coordinate of the path invalid and drew nothing.
            return new ChartSeries<double> { Name = g.Key, Data = new ChartData<double>(dates.Select(d => rates.TryGetValue(d, out var r) ? r : (double?)null).ToList()) };
        }).ToList();
        _labels = ChartTicks.Thin(dates.Select(d => d.ToString(T["Chart.DayFormat"], F.Culture)).ToList());
        _options = new LineChartOptions
        {
            ChartPalette = byAcquirer.Select((_, i) => Colours[i % Colours.Length]).ToArray(),
            YAxisFormat = "N0", YAxisRequireZeroPoint = true, MaxNumYAxisTicks = ChartTicks.MaxYTicks, YAxisTicks = ChartTicks.PercentStep, YAxisSuggestedMax = ChartTicks.PercentMax,
            // Days with a rate are few and apart (reports come a few days a week): a day between two gaps is a line of one
            // point, which draws nothing, so each day is drawn as a dot too.
            ShowDataMarkers = true,
        };
    }

    /// <summary>A day's sums, one currency a line, each amount kept whole ("CN¥1,008.80" never broken after the sign).</summary>
    private RenderFragment Sums(ReconciliationDay day, Func<ReconciliationMoney, long> pick) => builder =>
    {
        foreach (var money in day.Money)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", "nowrap");
            builder.AddContent(2, F.Money(pick(money), money.Currency));
            builder.CloseElement();
        }
    };

    private string KindText(ReconciliationException e) => T[e.Kind switch
    {
        MatchKind.AmountMismatch => "Recon.Kind.AmountMismatch",
        MatchKind.DuplicateCredit => "Recon.Kind.DuplicateCredit",
        MatchKind.CreditedWithoutSale => "Recon.Kind.CreditedWithoutSale",
        _ => "Recon.Kind.NotCredited",
    }];
}
