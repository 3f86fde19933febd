using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Web.Security;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The terminals grid: server-side paging, filtering and sorting over the in-memory fleet, refreshed live
/// (<see cref="LiveComponent"/>) when a terminal on the fleet changes. Used by the terminals page and the store page.
/// </summary>
public partial class TerminalGrid
{
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;

    /// <summary>The browser's zone, for the export's file name (null until known).</summary>
    private string? _viewerZone;

    /// <summary>Show only this store's terminals (the store page); hides the store filter and column.</summary>
    [Parameter] public string? FixedStore { get; set; }

    [Parameter] public Connectivity? InitialConnectivity { get; set; }
    [Parameter] public PowerStatus? InitialPower { get; set; }
    [Parameter] public SoftwareStatus? InitialSoftware { get; set; }
    [Parameter] public string? InitialStore { get; set; }
    [Parameter] public string? InitialSearch { get; set; }

    private MudDataGrid<TerminalGridRow>? _grid;
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
        _connectivity = InitialConnectivity;
        _power = InitialPower;
        _software = InitialSoftware;
        _store = InitialStore;
        _search = InitialSearch;
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

    private string ExportHref => BrowserTimeZone.ForExport("export/terminals.csv" + TerminalFilters.ToQueryString(Query), _viewerZone);

    private Task<GridData<TerminalGridRow>> LoadAsync(GridState<TerminalGridRow> state, CancellationToken cancellationToken)
    {
        _now = Time.GetUtcNow();
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = Query with
        {
            SortBy = SortFor(sort?.SortBy),
            Descending = sort?.Descending ?? false,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        };
        var (items, total) = query.Run(FleetScope());
        _shown = items.Select(t => t.TerminalId).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new GridData<TerminalGridRow> { Items = items.Select(TerminalGridRow.From).ToList(), TotalItems = total });
    }

    /// <summary>The terminals this user may see (and only the fixed store's, on a store page).</summary>
    private IEnumerable<TerminalSnapshot> FleetScope() => FixedStore is null
        ? _scope.Terminals(Fleet, Stores)
        : _scope.AllowsStore(FixedStore, Stores) ? Fleet.InStore(FixedStore) : [];

    private IEnumerable<StoreInfo> VisibleStores => Stores.All.Where(_scope.AllowsStore);

    private static TerminalSort SortFor(string? column) => column switch
    {
        nameof(TerminalGridRow.StoreCode) => TerminalSort.Store,
        nameof(TerminalGridRow.Model) => TerminalSort.Model,
        nameof(TerminalGridRow.Connectivity) => TerminalSort.Connectivity,
        nameof(TerminalGridRow.LastSeenAt) => TerminalSort.LastSeen,
        nameof(TerminalGridRow.AppVersion) => TerminalSort.AppVersion,
        nameof(TerminalGridRow.Software) => TerminalSort.Software,
        nameof(TerminalGridRow.Power) => TerminalSort.Power,
        _ => TerminalSort.TerminalId,
    };

    private async Task OnSearchChanged(string? value)
    {
        _search = value;
        await ReloadAsync();
    }

    private async Task SetFilter(Action set)
    {
        set();
        await ReloadAsync();
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
        var scope = FleetScope().ToList();
        _models = scope.Select(t => t.Model).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
        _versions = scope.Select(t => t.AppVersion).OfType<string>().Distinct()
            .OrderByDescending(v => v, Comparer<string>.Create(SoftwareVersion.Compare)).ToList();
    }
}
