using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Live;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The terminals grid: server-side paging, filtering and sorting over the in-memory fleet, refreshed live
/// (<see cref="LiveComponent"/>) when a terminal on the fleet changes. Used by the terminals page and the store page.
/// Filters, sort and page live in the page's address (<see cref="ViewAddress"/>), with the API's parameter names.
/// </summary>
public partial class TerminalGrid
{
    private static readonly int[] PageSizes = [25, 50, 100, 250];

    /// <summary>The grid's columns and the sort each stands for (its wire name is the address's <c>sort</c>).</summary>
    private static readonly IReadOnlyDictionary<string, TerminalSort> Sorts = new Dictionary<string, TerminalSort>
    {
        [nameof(TerminalGridRow.TerminalId)] = TerminalSort.TerminalId,
        [nameof(TerminalGridRow.StoreCode)] = TerminalSort.Store,
        [nameof(TerminalGridRow.Model)] = TerminalSort.Model,
        [nameof(TerminalGridRow.Connectivity)] = TerminalSort.Connectivity,
        [nameof(TerminalGridRow.LastSeenAt)] = TerminalSort.LastSeen,
        [nameof(TerminalGridRow.AppVersion)] = TerminalSort.AppVersion,
        [nameof(TerminalGridRow.Software)] = TerminalSort.Software,
        [nameof(TerminalGridRow.Power)] = TerminalSort.Power,
    };

    private static readonly string[] SortNames = Sorts.Values.Select(s => s.ToWire()).ToArray();


    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;

    /// <summary>The browser's zone, for the export's file name (null until known).</summary>
    private string? _viewerZone;

    /// <summary>Show only this store's terminals (the store page); hides the store filter and column.</summary>
    [Parameter] public string? FixedStore { get; set; }

    private MudDataGrid<TerminalGridRow>? _grid;
    private ViewAddress? _address;
    private GridPosition _position = new(null, false, 1, PageSizes[0]);

    /// <summary>Changed when the address changes from outside: a new grid takes the address's sort and page as its initial ones.</summary>
    private int _gridGeneration;
    private DateTimeOffset _now;
    private string? _search, _store, _model, _version;
    private Connectivity? _connectivity;
    private PowerStatus? _power;
    private SoftwareStatus? _software;
    private IReadOnlyList<string> _models = [];
    private IReadOnlyList<string> _versions = [];

    /// <summary>The ids of the page on screen; replaced whole, never changed, since the feed reads it from another thread.</summary>
    private IReadOnlySet<string> _shown = new HashSet<string>();

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        _now = Time.GetUtcNow();
        RefreshChoices();
        // A terminal on the grid counts too: moved to another store (or out of this user's scope), it must leave the grid.
        Follow(Fleet, t => _shown.Contains(t.TerminalId) || _scope.AllowsTerminal(t, Stores)
            && (FixedStore is null || string.Equals(t.StoreCode, FixedStore, StringComparison.OrdinalIgnoreCase)));
        FollowClock(TimeSpan.FromSeconds(15));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The browser's zone names the export's file; asked once the page is on screen, so the page never waits for it.
        if (!firstRender) return;
        _viewerZone = await BrowserTimeZone.IdAsync(JS);
        if (_viewerZone is not null) StateHasChanged();
    }

    private TerminalQuery Query => new()
    {
        Connectivity = _connectivity,
        Power = _power,
        Software = _software,
        Stores = FixedStore is not null ? [FixedStore] : _store is not null ? [_store] : null,
        Model = _model,
        AppVersion = _version,
        Search = _search,
    };

    /// <summary>The filters as the address gives them, through the API's parser; what it does not understand is left unset.</summary>
    private void ReadAddress()
    {
        var a = _address!;
        var query = TerminalListQuery.Read(new ListFilter(), a["connectivity"], a["power"], a["software"], a["store"], a["model"], a["version"], a["search"]);
        (_connectivity, _power, _software, _model, _version, _search) = (query.Connectivity, query.Power, query.Software, query.Model, query.AppVersion, query.Search);
        _store = FixedStore is null ? query.Stores?.FirstOrDefault() : null;
        _position = GridPosition.Read(a, PageSizes, SortNames);
    }

    private void WriteAddress()
    {
        var parameters = new Dictionary<string, string?>(TerminalFilters.Parameters(FixedStore is null ? Query : Query with { Stores = null }));
        foreach (var (name, value) in _position.Parameters(PageSizes[0])) parameters[name] = value;
        _address?.Write(parameters);
    }

    private Task AddressChangedAsync()
    {
        ReadAddress();
        _gridGeneration++;
        RefreshChoices();
        return Task.CompletedTask;
    }

    /// <summary>How a column starts sorted: as the address says, for the one column it names.</summary>
    private SortDirection InitialDirection(string column) =>
        _position.Sort is { } sort && Sorts.TryGetValue(column, out var s) && s.ToWire() == sort
            ? _position.Descending ? SortDirection.Descending : SortDirection.Ascending
            : SortDirection.None;

    /// <summary>How many filters are set (the store page's own store is not a filter).</summary>
    /// <summary>
    /// "3.2.0 → 3.3.1" while the list is filtered to terminals behind their model's target (outdated or unsupported), so
    /// the list answers "how far behind" without opening each terminal; null otherwise.
    /// </summary>
    private string? VersionGap(TerminalGridRow row) =>
        _software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported && Fleet.TargetFor(row.Model) is { } target
            ? $"{row.AppVersion ?? "–"} → {target.AppVersion}"
            : null;

    private int ActiveFilters => new object?[] { _search, FixedStore is null ? _store : null, _connectivity, _model, _version, _power, _software }.Count(v => v is not null);

    private string ExportHref => BrowserTimeZone.ForExport("export/terminals.csv" + TerminalFilters.ToQueryString(Query), _viewerZone);

    private Task<GridData<TerminalGridRow>> LoadAsync(GridState<TerminalGridRow> state, CancellationToken cancellationToken)
    {
        _now = Time.GetUtcNow();
        var sort = state.SortDefinitions.FirstOrDefault();
        var sortBy = sort is not null && Sorts.TryGetValue(sort.SortBy, out var s) ? s : (TerminalSort?)null;
        _position = new GridPosition(sortBy?.ToWire(), sortBy is not null && sort!.Descending, state.Page + 1, state.PageSize);
        WriteAddress();
        var query = Query with
        {
            SortBy = sortBy ?? TerminalSort.TerminalId,
            Descending = _position.Descending,
            Page = _position.Page,
            PageSize = _position.PageSize,
        };
        var (items, total) = query.Run(FleetScope());
        _shown = items.Select(t => t.TerminalId).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new GridData<TerminalGridRow> { Items = items.Select(TerminalGridRow.From).ToList(), TotalItems = total });
    }

    /// <summary>The terminals this user may see (and only the fixed store's, on a store page).</summary>
    private IEnumerable<TerminalSnapshot> FleetScope() => FixedStore is null
        ? _scope.Terminals(Fleet, Stores)
        : _scope.AllowsStore(FixedStore, Stores) ? Fleet.InStore(FixedStore) : [];

    private IReadOnlyList<StoreInfo> _visibleStores = [];

    private Task OnSearchChanged(string? value) => SetFilter(() => _search = value);

    /// <summary>A new filter starts at the first page: page 7 of the old result may not exist in the new one.</summary>
    private async Task FirstPageAsync()
    {
        _position = _position with { Page = 1 };
        if (_grid is not null && _grid.CurrentPage != 0) _grid.NavigateTo(Page.First);
        WriteAddress();
        await ReloadAsync();
    }

    private async Task SetFilter(Action set)
    {
        set();
        await FirstPageAsync();
    }

    protected override Task OnLiveChangeAsync() => ReloadAsync();


    private async Task ReloadAsync()
    {
        RefreshChoices();
        if (_grid is not null) await _grid.ReloadServerData();
        StateHasChanged();
    }

    private void RefreshChoices()
    {
        _visibleStores = Stores.All.Where(_scope.AllowsStore).ToList();
        var scope = FleetScope().ToList();
        _models = scope.Select(t => t.Model).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
        _versions = scope.Select(t => t.AppVersion).OfType<string>().Distinct()
            .OrderByDescending(v => v, Comparer<string>.Create(SoftwareVersion.Compare)).ToList();
    }
}
