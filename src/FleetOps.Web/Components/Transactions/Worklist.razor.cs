using System.Collections.Immutable;
using System.Globalization;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Api;
using FleetOps.Web.Cases;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Live;
using FleetOps.Web.Security;
using FleetOps.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// The unsettled-payments worklist: money at risk, the filtered and sorted list of payments that may never reach the
/// merchant (paged over the in-memory book with <see cref="UnsettledQuery"/>), lost sales, terminals to look at and
/// operator-caused failures — all limited to the user's stores and following the book live (<see cref="FleetOps.Web.Components.Shared.LiveComponent"/>).
/// The view lives in the address (<see cref="ViewAddress"/>): <c>store</c>, <c>reason</c> and <c>page</c>/<c>pageSize</c> as the API
/// names them, plus <c>search</c>, <c>minAge</c> (hours), <c>minAmount</c>, <c>resolved=include</c> and <c>sort</c>.
/// </summary>
public partial class Worklist : IDisposable
{
    public const string Path = "transactions/unsettled";

    /// <summary>The minimum-age choices, in hours (0 = any age), with the resource key of their words.</summary>
    public static readonly IReadOnlyList<(int Hours, string Key)> AgeChoices =
        [(0, "Worklist.Age.Any"), (1, "Worklist.Age.Hour"), (24, "Worklist.Age.Day"), (72, "Worklist.Age.ThreeDays")];

    public static readonly IReadOnlyList<(UnsettledSort Sort, string Key)> SortChoices =
    [
        (UnsettledSort.Oldest, "Worklist.Sort.Oldest"), (UnsettledSort.Newest, "Worklist.Sort.Newest"), (UnsettledSort.AmountHighest, "Worklist.Sort.Amount"),
        (UnsettledSort.Store, "Column.Store"), (UnsettledSort.Reason, "Worklist.Reason"),
    ];

    /// <summary>The API's <c>caseStatus</c> values of everything not resolved, for the CSV of the open list.</summary>
    private static readonly string OpenCaseStatuses = string.Join(',',
        Enum.GetValues<FleetOps.Core.Cases.CaseStep>().Where(s => s != FleetOps.Core.Cases.CaseStep.Resolved)
            .Select(s => s.ToWire()).Prepend(FleetOps.Core.Cases.CaseWords.NoCase));

    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly string[] SortNames = WireNames.Names<UnsettledSort>().ToArray();

    [Inject] private TransactionBook Book { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private CaseBook Cases { get; set; } = default!;
    [Inject] private FleetOps.Web.Background.MoneyAtRiskHistory RiskHistory { get; set; } = default!;
    [Inject] private FleetOps.Core.Detection.DetectionOptions Detection { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;

    /// <summary>The browser's zone, for the CSV's file name (null until known).</summary>
    private string? _viewerZone;

    // Terminals flagged for pending reversals at the last build: a heartbeat that changes this is worth a refresh.
    private ImmutableHashSet<string> _pendingReversals = ImmutableHashSet<string>.Empty;

    private string? _store;
    private UnsettledReason? _reason;
    private int _minimumAgeHours;
    private decimal? _minimumAmount;
    private string? _search;
    private bool _includeResolved;
    private UnsettledSort _sort = UnsettledSort.Oldest;
    private int _page = 1;
    private int _pageSize = PageSizes[0];

    private DateTimeOffset _now;
    private UnsettledModel _model = new();
    private IReadOnlyList<TrackedTransaction> _rows = [];
    private int _total;
    private IReadOnlyList<StoreInfo> _visibleStores = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        // The book through the history, so the chart has a sale's past days by the time the sale leaves the book.
        Follow(RiskHistory, t => _scope.AllowsStore(t.StoreCode, Stores));
        // Someone working a case (here or on another screen) changes its row; resolving one takes it off the open list.
        Follow(Cases, c => _scope.AllowsStore(c.StoreCode, Stores));
        // Heartbeats matter here only when they change a terminal's pending reversals.
        Follow(Fleet, t => (t.Heartbeat?.PendingReversals is > 0) != _pendingReversals.Contains(t.TerminalId) && _scope.AllowsTerminal(t, Stores));
        FollowClock(TimeSpan.FromSeconds(30));
        // Links set filters too: the store page links to ?store=, the API's reason names work as ?reason=.
        _address = FollowAddress(() =>
        {
            ReadAddress();
            Rebuild();
            return Task.CompletedTask;
        });
        ReadAddress();
        Rebuild();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The browser's zone names the export's file; asked once the page is on screen, so the page never waits for it.
        if (!firstRender) return;
        _viewerZone = await BrowserTimeZone.IdAsync(JS);
        if (_viewerZone is not null) StateHasChanged();
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The view as the address gives it, through the API's parser; what the page does not understand (a store outside
    /// the person's scope, an unknown reason, an age not offered) is left unset rather than refused.
    /// </summary>
    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _store = filter.Text("store", a["store"]) is { } code && Stores.Get(code) is { } known && _scope.AllowsStore(known) ? known.Code : null;
        _reason = filter.Enum<UnsettledReason>("reason", a["reason"]);
        _search = filter.Text("search", a["search"]);
        _minimumAgeHours = int.TryParse(a["minAge"], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && AgeChoices.Any(c => c.Hours == hours) ? hours : 0;
        _minimumAmount = decimal.TryParse(a["minAmount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0 ? amount : null;
        _includeResolved = a["resolved"] == "include";
        var position = GridPosition.Read(a, PageSizes, SortNames);
        _sort = filter.Enum<UnsettledSort>("sort", position.Sort) ?? UnsettledSort.Oldest;
        (_page, _pageSize) = (position.Page, position.PageSize);
    }

    private void WriteAddress()
    {
        var sort = _sort == UnsettledSort.Oldest ? null : _sort.ToWire();
        var parameters = new Dictionary<string, string?>(new GridPosition(sort, false, _page, _pageSize).Parameters(PageSizes[0]))
        {
            ["store"] = _store,
            ["reason"] = _reason?.ToWire(),
            ["search"] = _search,
            ["minAge"] = _minimumAgeHours > 0 ? _minimumAgeHours.ToString(CultureInfo.InvariantCulture) : null,
            ["minAmount"] = _minimumAmount is > 0 ? _minimumAmount.Value.ToString(CultureInfo.InvariantCulture) : null,
            ["resolved"] = _includeResolved ? "include" : null,
        };
        _address?.Write(parameters);
    }

    private UnsettledQuery Query => new()
    {
        Stores = UnsettledModel.StoresFor(_scope, Stores, _store),
        Reason = _reason,
        MinimumAge = _minimumAgeHours > 0 ? TimeSpan.FromHours(_minimumAgeHours) : null,
        MinimumAmount = _minimumAmount is { } amount && amount > 0 ? amount : null,
        Search = _search,
        SortBy = _sort,
        Page = _page,
        PageSize = _pageSize,
    };

    private void Rebuild()
    {
        _now = Time.GetUtcNow();
        _visibleStores = Stores.All.Where(_scope.AllowsStore).ToList();
        _model = UnsettledModel.Build(Book, Fleet, Stores, _scope, _now, _store, Cases, RiskHistory, Detection);
        _pendingReversals = _model.Attention.Where(a => a.PendingReversals > 0).Select(a => a.TerminalId).ToImmutableHashSet(StringComparer.Ordinal);
        var (rows, total) = Query.Run(Listed, _now);
        if (rows.Count == 0 && total > 0 && _page > 1)
        {
            // The page emptied (settled payments left it): show the last page that has rows.
            _page = PageCount(total);
            (rows, total) = Query.Run(Listed, _now);
            WriteAddress();
        }
        _rows = rows;
        _total = total;
    }

    /// <summary>The open list: unsettled payments, without those whose case someone resolved (unless asked for).</summary>
    private IEnumerable<TrackedTransaction> Listed =>
        _includeResolved ? Book.Unsettled : Cases.AtRisk(Book);

    private static string CaseHref(TrackedTransaction t) => CaseAddress.Of(t);

    private void OpenCase(TrackedTransaction t) => Navigation.NavigateTo(CaseHref(t));

    private int PageCount(int total) => Math.Max(1, (total + _pageSize - 1) / _pageSize);

    /// <summary>The CSV for the acquirer, with the filters the API understands (store, reason); the scope applies there too.</summary>
    private string CsvHref
    {
        get
        {
            var parts = new List<string>();
            if (_store is not null) parts.Add("store=" + Uri.EscapeDataString(_store));
            if (_reason is { } reason) parts.Add("reason=" + reason.ToWire());
            if (!_includeResolved) parts.Add("caseStatus=" + OpenCaseStatuses);
            return BrowserTimeZone.ForExport("api/v1/transactions/unsettled.csv" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts)), _viewerZone);
        }
    }

    private string? ZoneOf(string storeCode) => Stores.Get(storeCode)?.TimeZone;

    private string StoreTitle(string code, StoreInfo? store) => store is null ? code : T["TerminalDetail.StoreName", store.Code, store.Name];

    private static string RowId(TrackedTransaction t) => $"unsettled-{t.TerminalId}-{t.TransactionId}";

    private void SetFilter(Action set)
    {
        set();
        _page = 1;
        Rebuild();
        WriteAddress();
    }

    private void SetStore(string? store) => SetFilter(() => _store = store);

    private void SetReason(UnsettledReason? reason) => SetFilter(() => _reason = reason);

    private void ToggleReason(UnsettledReason reason) => SetReason(_reason == reason ? null : reason);

    private void SetMinimumAge(int hours) => SetFilter(() => _minimumAgeHours = hours);

    private void SetMinimumAmount(decimal? amount) => SetFilter(() => _minimumAmount = amount);

    private void SetSearch(string? search) => SetFilter(() => _search = string.IsNullOrWhiteSpace(search) ? null : search.Trim());

    private void SetIncludeResolved(bool include) => SetFilter(() => _includeResolved = include);

    private void SetSort(UnsettledSort sort) => SetFilter(() => _sort = sort);

    private void SetPage(int page)
    {
        _page = page;
        Rebuild();
        WriteAddress();
    }

    private void SetPageSize(int size) => SetFilter(() => _pageSize = size);

    private void ClearFilters() => SetFilter(() =>
    {
        _store = null;
        _reason = null;
        _minimumAgeHours = 0;
        _minimumAmount = null;
        _search = null;
    });

    private int ActiveFilters => new[] { _store is not null, _reason is not null, _minimumAgeHours > 0, (_minimumAmount ?? 0) > 0, _search is not null, _includeResolved }.Count(set => set);

    private bool Filtered => _store is not null || _reason is not null || _minimumAgeHours > 0 || (_minimumAmount ?? 0) > 0 || _search is not null;

}
