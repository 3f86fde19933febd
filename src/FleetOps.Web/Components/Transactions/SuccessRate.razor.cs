using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Training;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Components.Training;
using FleetOps.Web.Security;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Transaction success rate per store and region over time (issue 15, item 8): completed ÷ started and operator-caused
/// failures per 1,000 sales, per day and per store, worst store first. Scoped like every page; region, store and window
/// in the address. Live through <see cref="SaleHistory"/> (which counts each change of the book once), so a render costs
/// stores × days whatever the number of sales, at most once per the pages' interval however many sales arrive.
/// The training sessions held at the stores shown (issue 15 item 8: "before and after each training session") are marked
/// on the time axis, one marker per day, each with the rate of the stores shown before and after it; live through the
/// <see cref="TrainingBook"/>, so a session recorded anywhere shows at once.
/// </summary>
public partial class SuccessRate
{
    private const int ListedStores = 100;
    private const int NamedSessions = 3;

    [Inject] private SaleHistory History { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;

    [Inject] private TrainingBook Training { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;
    private string? _region, _store;
    private int _days = SuccessRateReport.DefaultDays;
    private RegionStoreChoice _choices = RegionStoreChoice.None;
    private SuccessRateReport _model = SuccessRateReport.Empty;
    private IReadOnlyList<MarkerComparison> _comparisons = [];
    private IReadOnlyList<ChartMarker> _markers = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        // Following before the first read: a change counted in between still refreshes the page.
        Follow(History, t => _scope.AllowsStore(t.StoreCode, Stores));
        Follow(Stores, _scope.AllowsStore);
        Follow(Training, c => _scope.AllowsStore(c.StoreCode, Stores));
        Rebuild();
        // A new day starts on the axis without a sale to announce it.
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

    /// <summary>The view as the address gives it; what the filter parser refuses is ignored, as on every page.</summary>
    private void ReadAddress()
    {
        (_region, _store) = RegionStoreChoice.Read(_address!);
        _days = int.TryParse(_address!["days"], out var days) && SuccessRateReport.Windows.Contains(days) ? days : SuccessRateReport.DefaultDays;
    }

    private Task ChooseRegionAsync(string? region) => Choose(() => _region = region);

    private Task ChooseStoreAsync(string? store) => Choose(() => _store = store);

    private Task ChooseDaysAsync(int days) => Choose(() => _days = days);

    private Task Choose(Action change)
    {
        change();
        _address!.Write(new Dictionary<string, string?>
        {
            ["region"] = _region,
            ["store"] = _store,
            ["days"] = _days == SuccessRateReport.DefaultDays ? null : _days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Rebuild();
        return Task.CompletedTask;
    }

    private void Rebuild()
    {
        _choices = RegionStoreChoice.Of(_scope, Stores, _region);
        var now = Time.GetUtcNow();
        var allowed = UnsettledModel.StoresFor(_scope, Stores, _store);
        var sessions = SessionDays(allowed, now);
        _model = History.Read(tally => SuccessRateReport.Build(tally, Stores, allowed, now, _region, _store, _days, sessions.Select(d => d.Key)));
        // Sessions were taken with a day to spare on each side of the window (its zone is the report's to decide): keep those on its axis.
        var shown = sessions.Zip(_model.Comparisons, (day, c) => (Marker: new ChartMarker(day.Key, MarkerLabel(day)), Comparison: c))
            .Where(m => _model.Dates.Count > 0 && m.Marker.Date >= _model.Dates[0] && m.Marker.Date <= _model.Dates[^1]).ToList();
        _markers = shown.Select(m => m.Marker).ToList();
        _comparisons = shown.Select(m => new MarkerComparison(m.Marker, m.Comparison)).ToList();
    }

    /// <summary>The sessions held at the stores shown around the window, one group per (store-local) day, oldest first.</summary>
    private List<IGrouping<DateOnly, TrainingSession>> SessionDays(IReadOnlySet<string>? allowed, DateTimeOffset now) =>
        Training.SessionsHeldFrom(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-_days - 1))
            .Where(s => (allowed is null || allowed.Contains(s.StoreCode))
                && (string.IsNullOrWhiteSpace(_region) || string.Equals(Stores.Get(s.StoreCode)?.Region, _region, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(s => s.HeldOn).OrderBy(g => g.Key).ToList();

    /// <summary>What was trained that day: the programmes, with the store unless one store is shown; the first few, then how many more.</summary>
    private string MarkerLabel(IEnumerable<TrainingSession> sessions)
    {
        var names = sessions.Select(s => string.IsNullOrWhiteSpace(_store) ? $"{s.StoreCode} {ProgrammeTitle(s.Programme)}" : ProgrammeTitle(s.Programme))
            .Distinct(StringComparer.Ordinal).ToList();
        var label = string.Join(", ", names.Take(NamedSessions));
        return names.Count > NamedSessions ? $"{label} {F.Count("Success.MoreSessions", names.Count - NamedSessions)}" : label;
    }

    private string ProgrammeTitle(string key) => DefaultProgrammes.Find(key) is { } p ? TrainingText.Title(T, p) : key;

    private string Rate(SaleCounts counts) => SuccessText.Rate(counts, F);

    private string PerThousand(SaleCounts counts) => SuccessText.PerThousand(counts, F);
}
