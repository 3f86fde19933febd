using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

/// <summary>
/// Every store the person may see with its terminals' health, following the fleet and the store directory live. The view
/// lives in the address (<see cref="ViewAddress"/>): <c>search</c>, <c>region</c>, <c>problems=only</c>, and the sort
/// and page every grid writes the same way (<see cref="GridPosition"/>); by default the most offline terminals first.
/// </summary>
public partial class Stores
{
    private static readonly int[] PageSizes = [50, 25, 100];
    private static readonly string[] SortNames = ["code", "region", "terminals", "online", "offline", "unstable", "outdated"];

    /// <summary>The view without a sort in the address: the stores with the most offline terminals on top.</summary>
    private static readonly GridPosition Default = new("offline", true, 1, PageSizes[0]);

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Directory { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool _isAdministrator;
    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;
    private GridPosition _position = Default;

    /// <summary>Changed when the address changes from outside: a new table starts with the address's sort.</summary>
    private int _tableGeneration;

    private IReadOnlyList<StoreHealth> _health = [];
    private IReadOnlyList<string> _regions = [];
    private string? _search, _region;
    private bool _problemsOnly;

    private IEnumerable<StoreHealth> Visible => _health.Where(h =>
        (_region is null || h.Store.Region == _region)
        && (!_problemsOnly || h.Problems > 0 || h.StorePowerUnstable)
        && (string.IsNullOrWhiteSpace(_search)
            || h.Store.Code.Contains(_search, StringComparison.OrdinalIgnoreCase)
            || h.Store.Name.Contains(_search, StringComparison.OrdinalIgnoreCase)));

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            _tableGeneration++;
            return Task.CompletedTask;
        });
        ReadAddress();
        Rebuild();
        Follow(Fleet, t => _scope.AllowsTerminal(t, Directory));
        // A store created or changed (here or by another administrator) shows at once, even before it has terminals.
        Follow(Directory, s => _scope.AllowsStore(s));
    }

    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _search = filter.Text("search", a["search"]);
        _region = filter.Text("region", a["region"]);
        _problemsOnly = a["problems"] == "only";
        var position = GridPosition.Read(a, PageSizes, SortNames);
        _position = position.Sort is null ? Default with { Page = position.Page, PageSize = position.PageSize } : position;
    }

    private void WriteAddress()
    {
        var position = _position.Sort == Default.Sort && _position.Descending == Default.Descending ? _position with { Sort = null } : _position;
        var parameters = new Dictionary<string, string?>(position.Parameters(PageSizes[0]))
        {
            ["search"] = _search,
            ["region"] = _region,
            ["problems"] = _problemsOnly ? "only" : null,
        };
        _address?.Write(parameters);
    }

    private SortDirection InitialDirection(string column) =>
        _position.Sort != column ? SortDirection.None : _position.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private void SetFilter(Action set)
    {
        set();
        _position = _position with { Page = 1 };
        WriteAddress();
    }

    private void SetSort(string column, SortDirection direction)
    {
        // The table tells every label its new direction: the one that is now None is not the sort any more.
        if (direction == SortDirection.None)
        {
            if (_position.Sort == column) _position = _position with { Sort = null, Descending = false };
        }
        else _position = _position with { Sort = column, Descending = direction == SortDirection.Descending };
        WriteAddress();
    }

    private void SetPage(int page)
    {
        _position = _position with { Page = page + 1 };
        WriteAddress();
    }

    private void SetPageSize(int size)
    {
        _position = _position with { PageSize = size, Page = 1 };
        WriteAddress();
    }

    /// <summary>A new store opens its own page: that is where its terminals are registered next.</summary>
    private async Task NewStoreAsync()
    {
        if (await Admin.StoreDialog.ShowAsync(Dialogs, T) is { } created) Navigation.NavigateTo($"stores/{Uri.EscapeDataString(created.Code)}");
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    private void Rebuild()
    {
        _health = StoreHealth.ForAll(Directory, Fleet).Where(h => _scope.AllowsStore(h.Store)).ToList();
        _regions = _health.Select(h => h.Store.Region).Distinct().Order().ToList();
    }
}
