using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Api;
using FleetOps.Web.Background;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Transaction success rate per store and region over time (issue 15, item 8): completed ÷ started and operator-caused
/// failures per 1,000 sales, per day and per store, worst store first. Scoped like every page; region, store and window
/// in the address. Live through <see cref="SaleHistory"/> (which counts each change of the book once), so a render costs
/// stores × days whatever the number of sales, at most once per the pages' interval however many sales arrive.
/// <see cref="Markers"/> (training sessions, given by the pages that hold them) are drawn on the time axis, each with
/// the rate before and after it.
/// </summary>
public partial class SuccessRate
{
    private const int ListedStores = 100;

    [Inject] private SaleHistory History { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;

    /// <summary>Days to mark on the time axis (training sessions); none unless a page that has them passes them.</summary>
    [Parameter] public IReadOnlyList<ChartMarker> Markers { get; set; } = [];

    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;
    private string? _region, _store;
    private int _days = SuccessRateReport.DefaultDays;
    private IReadOnlyList<string> _regions = [];
    private IReadOnlyList<StoreInfo> _storeChoices = [];
    private SuccessRateReport _model = SuccessRateReport.Empty;
    private IReadOnlyList<MarkerComparison> _comparisons = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        // Following before the first read: a change counted in between still refreshes the page.
        Follow(History, t => _scope.AllowsStore(t.StoreCode, Stores));
        Follow(Stores, _scope.AllowsStore);
        Rebuild();
        // A new day starts on the axis without a sale to announce it.
        FollowClock(TimeSpan.FromMinutes(5));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    protected override void OnParametersSet()
    {
        if (_address is not null) Rebuild();
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
        var filter = new ListFilter();
        _store = filter.List("store", _address!["store"])?.FirstOrDefault();
        _region = filter.Text("region", _address["region"]);
        _days = int.TryParse(_address["days"], out var days) && SuccessRateReport.Windows.Contains(days) ? days : SuccessRateReport.DefaultDays;
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
        var mine = Stores.All.Where(_scope.AllowsStore).ToList();
        _regions = mine.Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        _storeChoices = string.IsNullOrWhiteSpace(_region) ? mine : mine.Where(s => string.Equals(s.Region, _region, StringComparison.OrdinalIgnoreCase)).ToList();
        var now = Time.GetUtcNow();
        var allowed = UnsettledModel.StoresFor(_scope, Stores, _store);
        var markers = Markers.OrderBy(m => m.Date).ToList();
        _model = History.Read(tally => SuccessRateReport.Build(tally, Stores, allowed, now, _region, _store, _days, markers.Select(m => m.Date)));
        _comparisons = markers.Zip(_model.Comparisons, (m, c) => new MarkerComparison(m, c)).ToList();
    }

    private string Rate(SaleCounts counts) => SuccessText.Rate(counts, F);

    private string PerThousand(SaleCounts counts) => SuccessText.PerThousand(counts, F);
}
