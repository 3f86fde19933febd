using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Software;

/// <summary>
/// The software page (issue 13): what each model should run and how much of the fleet does, the versions out there, the
/// terminals behind their target with how long, and the stores that lag most. Live: it follows the fleet (a heartbeat with
/// a new version, a target set here or by the API), within the viewer's scope; the chosen model and store are in the
/// address, so a store's "outdated software" count (outdated and unsupported: two statuses, where the terminal list filters
/// by one) opens this page for that store, whose list of terminals behind is exactly what it counts (<see cref="StorePath"/>).
/// Administrators set targets from here, through the same editor the API uses (checked and audited alike).
/// </summary>
public partial class SoftwarePage
{
    private const int ListedRows = 15;

    // Current, outdated, unsupported, unknown: the status colours of the chips.
    private readonly StackedBarChartOptions _stackedOptions = new()
    {
        ChartPalette = ["#2e7d32", "#ef6c00", "#c62828", "#9e9e9e"], YAxisFormat = "N0",
    };
    private readonly BarChartOptions _barOptions = new()
    {
        ChartPalette = ["#1565c0"], YAxisFormat = "N0",
    };

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private bool _isAdministrator;
    private ViewAddress? _address;
    private string? _chosenModel;
    private string? _store;
    private IReadOnlyList<StoreInfo> _storeChoices = [];
    private DateTimeOffset _now;

    /// <summary>Every model in scope (the targets table and the model chart), and the same narrowed to the chosen model.</summary>
    private SoftwareCompliance _all = SoftwareCompliance.Of([], _ => null), _shown = SoftwareCompliance.Of([], _ => null);
    private ComplianceCount _totals = ComplianceCount.Of("", []);
    private IReadOnlyList<(TerminalSnapshot Terminal, DateTimeOffset? BehindSince)> _behind = [];
    private string? _versionsModel;
    private List<ChartSeries<double>> _modelSeries = [], _versionSeries = [];
    private string[] _modelLabels = [], _versionLabels = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        Rebuild();
        Follow(Fleet, t => _scope.AllowsTerminal(t, Stores));
        // "Behind for …" grows with the clock.
        FollowClock(TimeSpan.FromMinutes(1));
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

    /// <summary>The model and store as the address gives them; a store the filter parser refuses is ignored, as on every page.</summary>
    private void ReadAddress()
    {
        _chosenModel = _address!["model"];
        _store = RegionStoreChoice.StoreIn(_address);
    }

    private Task ChooseStoreAsync(string? store)
    {
        _store = store;
        _address!.Write(new Dictionary<string, string?> { ["store"] = store });
        Rebuild();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The store filter, for people with several stores; someone with one store still gets it when the address names
    /// another, so they can clear it (as on the power page).
    /// </summary>
    private bool OffersStoreFilter => _storeChoices.Count > 1 || StoreIsNotTheirs;

    /// <summary>The address names a store that is not among the viewer's (another manager's link, a deleted store).</summary>
    private bool StoreIsNotTheirs => _store is not null && (Stores.Get(_store) is not { } store || !_scope.AllowsStore(store));

    /// <summary>The software page narrowed to one store, at its list of terminals behind their target.</summary>
    public static string StorePath(string storeCode) => $"software?store={Uri.EscapeDataString(storeCode)}#software-behind";

    private Task ChooseModelAsync(string? model)
    {
        _chosenModel = model;
        _address!.Write(new Dictionary<string, string?> { ["model"] = model });
        Rebuild();
        return Task.CompletedTask;
    }

    private async Task EditTargetAsync(string? model)
    {
        if (await SoftwareTargetDialog.ShowAsync(Dialogs, T, model, model is null ? null : Fleet.TargetFor(model)) is not null) Rebuild();
    }

    private void Rebuild()
    {
        _now = Time.GetUtcNow();
        _storeChoices = RegionStoreChoice.Of(_scope, Stores, region: null).Stores;
        var terminals = _store is null ? _scope.Terminals(Fleet, Stores) : Fleet.InStore(_store).Where(t => _scope.AllowsTerminal(t, Stores));
        _all = SoftwareCompliance.Of(terminals, Fleet.TargetFor);
        var chosen = _chosenModel is null ? null : _all.Models.FirstOrDefault(m => string.Equals(m.Key, _chosenModel, StringComparison.OrdinalIgnoreCase))?.Key;
        // A model the shown terminals lack (the chosen store has none of it) counts nothing: it is still the model chosen.
        var chosenCount = chosen is not null ? _all.Models.First(m => m.Key == chosen)
            : _chosenModel is null ? null : ComplianceCount.Of(_chosenModel, []);
        // A chain with one model (common) narrows to the same terminals: no second pass over them.
        _shown = chosenCount is null || (chosen is not null && chosenCount.Terminals == _all.Total.Terminals) ? _all : _all.OfModel(chosenCount.Key);
        _totals = chosenCount ?? _all.Total;
        // A store's terminals behind are few: all of them, so that its count ("3 outdated") opens a list of three.
        _behind = _shown.Behind(_store is null ? ListedRows : int.MaxValue);

        _modelLabels = _all.Models.Select(m => m.Key).ToArray();
        _modelSeries =
        [
            Series(F.Name(SoftwareStatus.Current), _all.Models.Select(m => m.Current)),
            Series(F.Name(SoftwareStatus.Outdated), _all.Models.Select(m => m.Outdated)),
            Series(F.Name(SoftwareStatus.Unsupported), _all.Models.Select(m => m.Unsupported)),
            Series(F.Name(SoftwareStatus.Unknown), _all.Models.Select(m => m.Unknown)),
        ];
        ChartTicks.CountAxis(_stackedOptions, _modelSeries, stacked: true);
        // The chosen model's versions, else the biggest model's: one model's versions mean something side by side.
        _versionsModel = chosen ?? _all.Models.OrderByDescending(m => m.Terminals).FirstOrDefault()?.Key;
        var versions = _versionsModel is null ? [] : _shown.Versions.GetValueOrDefault(_versionsModel) ?? _all.Versions.GetValueOrDefault(_versionsModel) ?? [];
        var top = versions.Take(12).ToList();
        _versionLabels = ChartTicks.Thin(top.Select(v => v.Version).ToList());
        _versionSeries = [Series(T["Software.Series.Terminals"], top.Select(v => v.Terminals))];
        ChartTicks.CountAxis(_barOptions, _versionSeries);
    }

    private static ChartSeries<double> Series(string name, IEnumerable<int> values) =>
        new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToList()) };

    private static Color ShareColour(ComplianceCount c) => c.Unsupported > 0 ? Color.Error : c.CurrentShare >= 0.95 ? Color.Success : Color.Warning;

    private string ModelHref(string model) => $"software?model={Uri.EscapeDataString(model)}" + StoreQuery;

    private string TerminalsHref(SoftwareStatus status) => $"terminals?software={status.ToWire()}" + NarrowingQuery;

    private string ExportHref(SoftwareStatus status) => "export/terminals.csv?software=" + status.ToWire() + NarrowingQuery;

    /// <summary>The chosen model and store, which the terminal list and its export filter by too.</summary>
    private string NarrowingQuery => (_totals.Key.Length == 0 ? "" : $"&model={Uri.EscapeDataString(_totals.Key)}") + StoreQuery;

    private string StoreQuery => _store is null ? "" : $"&store={Uri.EscapeDataString(_store)}";
}
