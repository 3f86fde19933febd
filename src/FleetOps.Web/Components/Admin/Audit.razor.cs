using System.Globalization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

public partial class Audit
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private AuditLog Log { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private MudTable<AuditEntry>? _table;
    private bool _checked, _isAdministrator;
    private string? _search, _action;
    private TimeZoneInfo _zone = TimeZoneInfo.Local;

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        if (_isAdministrator) _zone = await BrowserTimeZone.DetectAsync(JS);
        _checked = true;
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        // Asked again for every page: the role may have been taken away since the page opened.
        if (!await Access.IsAdministratorAsync()) return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        var (items, total) = await Log.PageAsync(_search, _action, state.Page, state.PageSize, cancellationToken);
        return new TableData<AuditEntry> { Items = items, TotalItems = total };
    }

    private string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString("G", F.Culture);

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
        if (_table is null) return;
        if (_table.CurrentPage != 0) _table.NavigateTo(0);
        await _table.ReloadServerData();
    }
}
