using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Web.Security;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

public partial class TerminalDetail : IDisposable
{
    [Parameter] public string TerminalId { get; set; } = "";

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private TerminalTimeline Timeline { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;

    private TerminalSnapshot? _terminal;
    private bool _isAdministrator;
    private StoreInfo? _store;
    private SoftwareTarget? _target;
    private IReadOnlyList<TimelineEntry>? _timeline;
    private LiveRefresh? _live;
    private DateTimeOffset _now;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        _live?.Dispose();
        Snapshot();
        _live = new LiveRefresh(Fleet, Time, () => InvokeAsync(RefreshAsync),
            relevant: changed => changed.Any(t => t.TerminalId == TerminalId), clockEvery: TimeSpan.FromSeconds(15));
        if (_terminal is not null) _timeline = await Timeline.RecentAsync(TerminalId);
    }

    private async Task RefreshAsync()
    {
        Snapshot();
        if (_terminal is not null) _timeline = await Timeline.RecentAsync(TerminalId);
        StateHasChanged();
    }

    private void Snapshot()
    {
        _now = Time.GetUtcNow();
        var terminal = Fleet.Get(TerminalId);
        // A terminal outside the user's scope looks exactly like one that does not exist.
        _terminal = _scope.AllowsTerminal(terminal, Stores) ? terminal : null;
        _store = _terminal is null ? null : Stores.Get(_terminal.StoreCode);
        _target = _terminal is null ? null : Fleet.TargetFor(_terminal.Model);
        _crumbs =
        [
            new BreadcrumbItem("Terminals", "terminals"),
            new BreadcrumbItem(_terminal?.StoreCode ?? "", _terminal is null ? null : $"stores/{_terminal.StoreCode}"),
            new BreadcrumbItem(TerminalId, null, disabled: true),
        ];
    }

    private static Color TimelineColor(TimelineEntry e) => e.Event switch
    {
        PowerEvent p when p.IsLoss => Color.Error,
        PowerEvent { State: PowerState.OnBattery or PowerState.LowBattery } => Color.Warning,
        PowerEvent => Color.Info,
        TransactionEvent { Stage: TransactionStage.Settled or TransactionStage.Completed } => Color.Success,
        TransactionEvent { Stage: TransactionStage.Reversed or TransactionStage.Voided or TransactionStage.Declined } => Color.Warning,
        _ => Color.Default,
    };

    private static string TimelineDetails(TimelineEntry e) => e.Event switch
    {
        TransactionEvent t => $"{t.TransactionId} · {LiveFormat.Money(t.AmountMinor, t.Currency)}"
                              + (t.MaskedPan is null ? "" : $" · {t.MaskedPan}")
                              + (t.AuthCode is null ? "" : $" · auth {t.AuthCode}")
                              + (t.BatchNumber is null ? "" : $" · batch {t.BatchNumber}"),
        PowerEvent { BatteryPercent: { } battery } => $"battery {battery} %",
        _ => "",
    };

    public void Dispose() => _live?.Dispose();
}
