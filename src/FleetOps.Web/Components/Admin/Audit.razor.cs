using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// The audit log for administrators, newest first, in the browser's time zone. The view lives in the address
/// (<see cref="ViewAddress"/>): <c>search</c>, <c>action</c> and the page every grid writes the same way (<see cref="GridPosition"/>).
/// </summary>
public partial class Audit
{
    private static readonly int[] PageSizes = [50, 25, 100];

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private AuditLog Log { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private MaintenanceBook WorkOrders { get; set; } = default!;

    private MudTable<AuditEntry>? _table;
    private bool _checked, _isAdministrator;
    private string? _search, _action;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private ViewAddress? _address;
    private GridPosition _position = new(null, false, 1, PageSizes[0]);

    /// <summary>Changed when the address changes from outside: a new table starts at the address's page.</summary>
    private int _tableGeneration;

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            _tableGeneration++;
            return Task.CompletedTask;
        });
        ReadAddress();
        // The chain's clock, as every other page shows times (StoreTime.Common); the export and the API keep UTC.
        _zone = StoreTime.Common(Stores, null);
        _checked = true;
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        // Asked again for every page: the role may have been taken away since the page opened.
        if (!await Access.IsAdministratorAsync()) return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        _position = _position with { Page = state.Page + 1, PageSize = state.PageSize };
        WriteAddress();
        var (items, total) = await Log.PageAsync(_search, _action, state.Page, state.PageSize, cancellationToken);
        return new TableData<AuditEntry> { Items = items, TotalItems = total };
    }

    /// <summary>The view as the address gives it; an action the log does not know is left unset rather than refused.</summary>
    private void ReadAddress()
    {
        var a = _address!;
        _search = new ListFilter().Text("search", a["search"]);
        _action = a["action"] is { } action && AuditLook.Actions.Contains(action) ? action : null;
        _position = GridPosition.Read(a, PageSizes, []);
    }

    private void WriteAddress()
    {
        var parameters = new Dictionary<string, string?>(_position.Parameters(PageSizes[0])) { ["search"] = _search, ["action"] = _action };
        _address?.Write(parameters);
    }

    /// <summary>
    /// The details as this reader reads the rest of the page: a booked or muted range on their clock, as the time column; a
    /// checklist item by its label on the work order's checklist; a visit's work order by the title its page shows.
    /// </summary>
    private AuditReading Reading => new(F.Culture)
    {
        Range = (from, until) => F.Slot(from, until, _zone.Id),
        ItemLabel = (id, item) => WorkOrders.Get(id) is { } order && WorkOrders.Template(order.ChecklistKey, order.ChecklistVersion) is { } checklist
            && checklist.Item(item) is { } found ? ChecklistText.Label(T, checklist.Key, found) : null,
        WorkOrderTitle = title => WorkOrders.All.FirstOrDefault(o => o.Title == title) is { } order ? WorkOrderText.Title(T, WorkOrders, order) : null,
    };

    private async Task SearchChangedAsync(string? value)
    {
        _search = value;
        await ReloadFromFirstPageAsync();
    }

    private async Task ActionChangedAsync(string? value)
    {
        _action = value;
        await ReloadFromFirstPageAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>A new filter starts at the first page: page 7 of the old result may not exist in the new one.</summary>
    private async Task ReloadFromFirstPageAsync()
    {
        _position = _position with { Page = 1 };
        WriteAddress();
        if (_table is null) return;
        if (_table.CurrentPage != 0) _table.NavigateTo(0);
        await _table.ReloadServerData();
    }
}
