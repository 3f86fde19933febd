using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Training;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Components.Transactions;
using FleetOps.Web.Security;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// Training overview (issue 15 items 4 and 5): per region and per store the staff and where they stand, the operator-caused
/// failures of 30 days and "training recommended"; the recommended stores first with their failed payments and a link to
/// plan the programme that fits; after a session, the success rate before and after it. Scoped like every page; region,
/// store and status in the address. Live through the training book (a session recorded) and the at-risk history (a
/// failure counted).
/// </summary>
public partial class TrainingOverview
{
    public const string Recommended = "recommended";
    private const int ListedStores = 100;
    private const int ChartMonths = 12;

    [Inject] private TrainingBook Book { get; set; } = default!;
    [Inject] private TrainingService Training { get; set; } = default!;
    [Inject] private TrainingTargets Targets { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private SaleHistory Sales { get; set; } = default!;
    [Inject] private MoneyAtRiskHistory RiskHistory { get; set; } = default!;
    [Inject] private IOptions<TrainingOptions> Options { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;
    private string? _region, _store, _status;
    private RegionStoreChoice _choices = RegionStoreChoice.None;
    private List<TrainingStoreRow> _rows = [];
    private List<(string Region, ComplianceTally Tally, int Failures)> _regionTotals = [];
    private Dictionary<string, IReadOnlyList<FailedPayment>> _evidence = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, MarkerComparison> _comparisons = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<DateOnly> _monthEnds = [];
    private List<ComplianceLine> _lines = [];

    private static readonly IReadOnlyList<string> Statuses = ["current", "due_soon", "overdue", "never_trained", Recommended];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        Follow(Book, c => _scope.AllowsStore(c.StoreCode, Stores));
        Follow(RiskHistory, t => _scope.AllowsStore(t.StoreCode, Stores));
        Follow(Stores, _scope.AllowsStore);
        Rebuild();
        // Training runs out at midnight without anyone recording anything.
        FollowClock(TimeSpan.FromMinutes(5));
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

    private void ReadAddress()
    {
        (_region, _store) = RegionStoreChoice.Read(_address!);
        _status = Statuses.FirstOrDefault(s => s == _address!["status"]);
    }

    private Task ChooseRegionAsync(string? region) => Choose(() => _region = region);

    private Task ChooseStoreAsync(string? store) => Choose(() => _store = store);

    private Task ChooseStatusAsync(string? status) => Choose(() => _status = status);

    private Task Choose(Action change)
    {
        change();
        _address!.Write(new Dictionary<string, string?> { ["region"] = _region, ["store"] = _store, ["status"] = _status });
        Rebuild();
        return Task.CompletedTask;
    }

    private void Rebuild()
    {
        _choices = RegionStoreChoice.Of(_scope, Stores, _region);
        var shown = _choices.Stores.Where(s => string.IsNullOrWhiteSpace(_store) || string.Equals(s.Code, _store, StringComparison.OrdinalIgnoreCase)).ToList();
        var failures = Targets.FailuresPerStore(shown.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var all = shown.Select(s =>
        {
            var count = failures.GetValueOrDefault(s.Code);
            return new TrainingStoreRow(s, Training.Compliance(s.Code).Tally, count, Targets.Recommends(count), Book.SessionsOf(s.Code).FirstOrDefault());
        }).ToList();
        _regionTotals = all.GroupBy(r => r.Store.Region, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Aggregate(ComplianceTally.None, (sum, r) => sum.Plus(r.Tally)), g.Sum(r => r.OperatorFailures))).ToList();
        // Where training is recommended first, then the least compliant.
        _rows = all.Where(Shown).OrderByDescending(r => r.Recommended).ThenBy(r => r.Tally.PercentCurrent).ThenBy(r => r.Store.Code, StringComparer.OrdinalIgnoreCase)
            .Take(ListedStores).ToList();
        _evidence = _rows.Where(r => r.Recommended).ToDictionary(r => r.Store.Code, r => Targets.Evidence(r.Store.Code), StringComparer.OrdinalIgnoreCase);
        _comparisons = _rows.Where(r => r.LastSession is not null).ToDictionary(r => r.Store.Code, Comparison, StringComparer.OrdinalIgnoreCase);
        BuildChart(shown);
    }

    private bool Shown(TrainingStoreRow row) => _status switch
    {
        null => true,
        Recommended => row.Recommended,
        "current" => row.Has(TrainingStatus.Current),
        "due_soon" => row.Has(TrainingStatus.DueSoon),
        "overdue" => row.Has(TrainingStatus.Overdue),
        _ => row.Has(TrainingStatus.NeverTrained),
    };

    /// <summary>The store's success rate around its latest session, by the success-rate page's own comparison.</summary>
    private MarkerComparison Comparison(TrainingStoreRow row)
    {
        var session = row.LastSession!;
        var code = new HashSet<string>([row.Store.Code], StringComparer.OrdinalIgnoreCase);
        var report = Sales.Read(tally => SuccessRateReport.Build(tally, Stores, code, Time.GetUtcNow(), store: row.Store.Code, markers: [session.HeldOn]));
        return new MarkerComparison(new ChartMarker(session.HeldOn, ProgrammeTitle(session.Programme)), report.Comparisons[0]);
    }

    /// <summary>
    /// % current at each month end of the last 12 months: one line per region, or the chosen store's own. The months are
    /// those of the zone the stores shown share; each store is judged on its own local dates (<see cref="ComplianceHistory.StoreDays"/>),
    /// as today's compliance is.
    /// </summary>
    private void BuildChart(IReadOnlyList<StoreInfo> shown)
    {
        var zone = StoreTime.Common(Stores, shown.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
        _monthEnds = ComplianceHistory.MonthEnds(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), zone).DateTime), ChartMonths);
        var groups = string.IsNullOrWhiteSpace(_store)
            ? shown.GroupBy(s => s.Region, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => (g.Key, g.ToList()))
            : shown.Select(s => (s.Code, new List<StoreInfo> { s }));
        _lines = groups.Select(g =>
        {
            var tallies = g.Item2.Select(s => ComplianceHistory.At(ComplianceHistory.StoreDays(_monthEnds, Training.Today(s.Code)), Book.StaffOf(s.Code), Book.SessionsOf(s.Code), Book.Programmes,
                Options.Value.DueSoonDays)).ToList();
            var sums = _monthEnds.Select((_, i) => tallies.Aggregate(ComplianceTally.None, (sum, t) => sum.Plus(t[i])))
                .Select(sum => sum.Staff == 0 ? (double?)null : sum.PercentCurrent).ToList();
            return new ComplianceLine(g.Item1, sums);
        }).ToList();
    }

    private string StatusLabel(string status) => status switch
    {
        "current" => F.Name(TrainingStatus.Current),
        "due_soon" => F.Name(TrainingStatus.DueSoon),
        "overdue" => F.Name(TrainingStatus.Overdue),
        "never_trained" => F.Name(TrainingStatus.NeverTrained),
        _ => T["TrainingOverview.Recommended"],
    };

    private string ProgrammeTitle(string key) => DefaultProgrammes.Find(key) is { } p ? TrainingText.Title(T, p) : key;

    private string Percent(ComplianceTally tally) => F.Percent1(tally.Current, tally.Staff);
}
