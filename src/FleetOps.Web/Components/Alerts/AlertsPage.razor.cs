using FleetOps.Core.Access;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Alerts;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Alerts;

/// <summary>
/// Every alert of the person's stores, newest first, live: it reads the page from the database (resolved alerts live only
/// there, <see cref="AlertListQuery"/>, the API's query) and again whenever the alert book changes. Open alerts are
/// acknowledged here with a note. The view — state, kind, severity, store, page — lives in the address.
/// </summary>
public partial class AlertsPage
{
    private const int PageSize = 50;

    [Inject] private AlertBook Alerts { get; set; } = default!;
    [Inject] private AlertService Service { get; set; } = default!;
    [Inject] private FleetDbContextFactory Databases { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private MaintenanceService Maintenance { get; set; } = default!;
    [Inject] private MaintenanceBook WorkOrders { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private ILogger<AlertsPage> Logger { get; set; } = default!;

    /// <summary>Alerts a technician's visit fixes (issue 14): one click raises the work, with the alert as its evidence.</summary>
    private static readonly HashSet<AlertKind> WorkKinds =
    [
        AlertKind.UnstablePower, AlertKind.BatteryWeak, AlertKind.UnsupportedSoftware, AlertKind.UpdateOverdue, AlertKind.Offline, AlertKind.StorePowerOutage,
    ];

    private MaintenanceActor? _actor;

    private AccessScope _scope = AccessScope.Nothing;
    private ViewAddress? _address;
    private AlertStateFilter _state = AlertStateFilter.Active;
    private AlertKind? _kind;
    private AlertSeverity? _severity;
    private string? _store;
    private int _page = 1;
    private IReadOnlyList<Alert> _rows = [];
    private int _total;
    private DateTimeOffset _now;
    private IReadOnlyList<StoreInfo> _visibleStores = [];
    private IReadOnlyList<MuteWindow> _mutes = [];

    /// <summary>
    /// False until the first list is read: a render before that (the list query awaits, on PostgreSQL always) shows that
    /// the list is coming, not "no active alerts" over 10,000 of them.
    /// </summary>
    private bool _loaded;

    // Only when its Debug line is wanted: a stamp reads the process's CPU time and the collector's counters.
    private VisitStamp? _visit;

    private int PageCount => Math.Max(1, (_total + PageSize - 1) / PageSize);

    private int ActiveFilters => (_state != AlertStateFilter.Active ? 1 : 0) + (_kind is null ? 0 : 1) + (_severity is null ? 0 : 1) + (_store is null ? 0 : 1);

    protected override async Task OnInitializedAsync()
    {
        if (Logger.IsEnabled(LogLevel.Debug)) _visit = new VisitStamp();
        _scope = await Access.ScopeAsync();
        _actor = await WorkActor.ResolveAsync(Access);
        _visibleStores = Stores.All.Where(_scope.AllowsStore).OrderBy(s => s.Code).ToList();
        _address = FollowAddress(async () =>
        {
            ReadAddress();
            await LoadAsync();
        });
        ReadAddress();
        await LoadAsync();
        _visit?.ModelReady();
        Follow(Alerts, a => _scope.AllowsStore(a.StoreCode, Stores));
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!_loaded || _visit is null) return;
        _visit.Log(Logger, ActiveFilters > 0 || _page > 1);
        _visit = null;
    }

    protected override Task OnLiveChangeAsync() => LoadAsync();

    /// <summary>The view as the address gives it, through the API's parser; what it does not understand is left at its default.</summary>
    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _state = filter.Enum<AlertStateFilter>("state", a["state"]) ?? AlertStateFilter.Active;
        _kind = filter.Enum<AlertKind>("kind", a["kind"]);
        _severity = filter.Enum<AlertSeverity>("severity", a["severity"]);
        _store = filter.Text("store", a["store"]) is { } code && _visibleStores.FirstOrDefault(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase)) is { } known
            ? known.Code
            : null;
        _page = GridPosition.Read(a, [PageSize], []).Page;
    }

    private void WriteAddress() => _address?.Write(new Dictionary<string, string?>(new GridPosition(null, false, _page, PageSize).Parameters(PageSize))
    {
        ["state"] = _state == AlertStateFilter.Active ? null : _state.ToWire(),
        ["kind"] = _kind?.ToWire(),
        ["severity"] = _severity?.ToWire(),
        ["store"] = _store,
    });

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow();
        _mutes = Alerts.Mutes.Where(m => m.Until > _now && _scope.AllowsStore(m.StoreCode, Stores)).OrderBy(m => m.Until).ToList();
        var scoped = _scope.StoreCodes(Stores);
        var query = new AlertListQuery
        {
            State = _state, Kind = _kind, Severity = _severity, Page = _page, PageSize = PageSize,
            Stores = _store is not null ? [_store] : scoped?.ToList(),
        };
        await using var db = Databases.CreateDbContext();
        (_rows, _total) = await query.RunAsync(db);
        if (_rows.Count == 0 && _total > 0 && _page > 1)
        {
            _page = PageCount;
            (_rows, _total) = await (query with { Page = _page }).RunAsync(db);
            WriteAddress();
        }
        _loaded = true;
    }

    private async Task SetFilter(Action set)
    {
        set();
        _page = 1;
        WriteAddress();
        await LoadAsync();
    }

    private async Task SetPage(int page)
    {
        _page = page;
        WriteAddress();
        await LoadAsync();
    }

    private async Task AcknowledgeAsync(Alert alert)
    {
        var subject = T["Alerts.Subject", F.Name(alert.Kind), alert.TerminalId ?? StoreTitle(alert.StoreCode)];
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>(T["Alerts.Acknowledge.Title"],
            new DialogParameters<AcknowledgeDialog> { { d => d.Subject, subject.Value } }, Admin.FormDialog.Options);
        if (await dialog.Result is not { Canceled: false, Data: string note }) return;
        if (note.Length > 0 && FleetOps.Core.Text.TextRules.Problem("note", note) is { } problem)
        {
            Snackbar.Add(F.Message(problem), Severity.Error);
            return;
        }
        var result = await Service.AcknowledgeAsync(alert.Id, await Access.ActorNameAsync(), note.Length == 0 ? null : note, null);
        if (result.Resolved) Snackbar.Add(T["Alerts.Acknowledge.AlreadyResolved"], Severity.Info);
        else if (result is { Changed: false, Alert: { } already })
            Snackbar.Add(T["Alerts.Acknowledge.AlreadyBy", Users.DisplayNameOf(already.AcknowledgedBy)], Severity.Info);
        else Snackbar.Add(T["Alerts.Acknowledge.Done"], Severity.Success);
        await LoadAsync();
    }

    private async Task MuteAsync(Alert alert)
    {
        var dialog = await Dialogs.ShowAsync<MuteDialog>(T["Alerts.Mute.Title"],
            new DialogParameters<MuteDialog> { { d => d.StoreCode, alert.StoreCode }, { d => d.TerminalId, alert.TerminalId } }, Admin.FormDialog.Options);
        if (await dialog.Result is not { Canceled: false, Data: MuteChoice choice }) return;
        if (choice.Reason.Length > 0 && FleetOps.Core.Text.TextRules.Problem("reason", choice.Reason) is { } problem)
        {
            Snackbar.Add(F.Message(problem), Severity.Error);
            return;
        }
        var now = Time.GetUtcNow();
        await Service.MuteAsync(alert.StoreCode, choice.TerminalId, now, now + choice.Length, choice.Reason, await Access.ActorNameAsync(), null);
        Snackbar.Add(T["Alerts.Mute.Done"], Severity.Success);
        await LoadAsync();
    }

    /// <summary>
    /// Ends a mute once the person confirms what comes back and whose mute it was: one tap ended anyone's mute, and
    /// there is no undo short of muting again.
    /// </summary>
    private async Task UnmuteAsync(MuteWindow mute)
    {
        var what = mute.TerminalId is { } terminal ? T["Alerts.Unmute.Terminal", terminal] : T["Alerts.Unmute.Store", StoreTitle(mute.StoreCode)];
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Alerts.Unmute.Question", what],
            T["Alerts.Unmute.Explain", Users.DisplayNameOf(mute.CreatedBy), F.Minute(mute.Until, Stores.Get(mute.StoreCode)?.TimeZone)],
            yesText: T["Alerts.Mutes.End"], cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        await Service.UnmuteAsync(mute, await Access.ActorNameAsync(), null);
        await LoadAsync();
    }

    private bool OffersWorkOrder(Alert a) => a.IsActive && WorkKinds.Contains(a.Kind) && _actor?.CanDispatch(a.StoreCode, Stores) == true;

    /// <summary>Opens the alert's work order, raising it first when there is none open (a second click opens the same one).</summary>
    private async Task WorkOrderAsync(Alert alert)
    {
        var order = WorkOrders.OpenForAlert(alert.Id);
        if (order is null)
        {
            var result = await Maintenance.CreateFromAlertAsync(alert.Id, _actor!, null);
            if (result.Value is null)
            {
                Snackbar.Add(F.Message(result.Detail ?? ""), Severity.Error);
                return;
            }
            order = result.Value;
        }
        Navigation.NavigateTo(WorkOrdersPage.PathOf(order.Id));
    }

    private string StateWords(Alert a, bool muted) => muted ? T["Alerts.StateMuted", F.Name(a.State)] : F.Name(a.State);

    private string StoreTitle(string code) => Stores.Get(code) is { } s ? T["TerminalDetail.StoreName", s.Code, s.Name] : code;

    private string? ZoneOf(Alert a) => Stores.Get(a.StoreCode)?.TimeZone;

    /// <summary>
    /// A visit's mute (a work order in progress) says so with the work order's title in the reader's language; the stored
    /// reason is FleetOps' English for the API. Any other reason is a person's words, shown as written.
    /// </summary>
    private string MuteReason(MuteWindow mute) =>
        WorkOrders.OfMute(mute.Id) is { } visit ? T["Alerts.Mute.Visit", WorkOrderText.Title(T, WorkOrders, visit)] : mute.Reason;
}
