using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Web.Security;
using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Fleet;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

public partial class TerminalDetail
{
    [Parameter] public string TerminalId { get; set; } = "";

    /// <summary>The id as registered: the address may spell it in any letter case, the timeline's rows and the audit use this one.</summary>
    private string _id = "";

    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private TerminalTimeline Timeline { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private FleetRegistry Registry { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private PowerIncidents Incidents { get; set; } = default!;
    [Inject] private RolloutBook Rollouts { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;

    private TerminalSnapshot? _terminal;
    private bool _isAdministrator;
    private bool _busy;
    private StoreInfo? _store;
    private SoftwareTarget? _target;

    /// <summary>
    /// The rollout whose started wave tells this terminal what to run (the newest, as in its directives), and the wave's number:
    /// while it holds the terminal, the model's target on this page is not what the terminal is asked to install.
    /// </summary>
    private (Rollout Rollout, int Wave)? _rollout;

    /// <summary>The store outages this terminal was part of, shaded on its power timeline.</summary>
    private IReadOnlyList<StorePowerIncident> _outages = [];
    private IReadOnlyList<TimelineEntry>? _timeline;
    private DateTimeOffset _now;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        StopFollowing();
        _id = Fleet.RegisteredId(TerminalId);
        Snapshot();
        Follow(Fleet, t => t.TerminalId == _id);
        Follow(Rollouts, r => r.Waves.Any(w => w.Terminals.Contains(_id)));
        FollowClock(TimeSpan.FromSeconds(15));
        if (_terminal is not null) _timeline = await Timeline.RecentAsync(_id);
    }

    protected override async Task OnLiveChangeAsync()
    {
        Snapshot();
        if (_terminal is not null) _timeline = await Timeline.RecentAsync(_id);
    }

    private void Snapshot()
    {
        _now = Time.GetUtcNow();
        var terminal = Fleet.Get(_id);
        // A terminal outside the user's scope looks exactly like one that does not exist.
        _terminal = _scope.AllowsTerminal(terminal, Stores) ? terminal : null;
        _store = _terminal is null ? null : Stores.Get(_terminal.StoreCode);
        _target = _terminal is null ? null : Fleet.TargetFor(_terminal.Model);
        _rollout = _terminal is not null && Rollouts.TargetOf(_id) is { } told && Rollouts.Get(told.RolloutId) is { } rollout
            ? (rollout, told.Wave) : null;
        _outages = _terminal is null ? [] : Incidents.InStore(_terminal.StoreCode)
            .Select(i => i.Incident).Where(i => i.AffectedTerminals.Contains(_id)).ToList();
        _crumbs =
        [
            new BreadcrumbItem(T["Nav.Terminals"], "terminals"),
            new BreadcrumbItem(_terminal?.StoreCode ?? "", _terminal is null ? null : $"stores/{_terminal.StoreCode}"),
            new BreadcrumbItem(_id, null, disabled: true),
        ];
    }

    /// <summary>The reported version that cannot be ordered against the target (a status "unknown" that is not for want of a report).</summary>
    private static string? UnorderableVersion(TerminalSnapshot t) =>
        t.AppVersion is { } app && !SoftwareVersion.TryParse(app, out _, out _) ? app
        : t.FirmwareVersion is { } firmware && !SoftwareVersion.TryParse(firmware, out _, out _) ? firmware
        : null;

    private static Color TimelineColor(TimelineEntry e) => e.Event switch
    {
        PowerEvent p when p.IsLoss => Color.Error,
        PowerEvent { State: PowerState.OnBattery or PowerState.LowBattery } => Color.Warning,
        PowerEvent => Color.Info,
        TransactionEvent { Stage: TransactionStage.Settled or TransactionStage.Completed } => Color.Success,
        TransactionEvent { Stage: TransactionStage.Reversed or TransactionStage.Voided or TransactionStage.Declined } => Color.Warning,
        SoftwareEvent { State: SoftwareState.Failed } => Color.Error,
        SoftwareEvent { State: SoftwareState.Installed } => Color.Success,
        _ => Color.Default,
    };

    /// <summary>Changes the model or serial, or moves the terminal to another store; the page follows it there at once.</summary>
    private async Task EditAsync()
    {
        if (_terminal is null || !await StillAdministratorAsync()) return;
        if (await TerminalDialog.EditAsync(Dialogs, T, _terminal.Registration)) Snapshot();
    }

    private async Task RotateKeyAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["TerminalDetail.RotateQuestion", _id], T["TerminalDetail.RotateExplain"],
            yesText: T["TerminalDetail.RotateKey"], cancelText: T["Common.Cancel"]);
        if (confirmed != true || !await StillAdministratorAsync()) return;
        _busy = true;
        try
        {
            var key = await Registry.RotateKeyAsync(_id);
            if (key is null) return;
            await RecordAsync(AuditActions.TerminalKeyRotated);
            await SecretDialog.ShowAsync(Dialogs, T["TerminalDetail.NewKey", _id], T["TerminalDetail.NewKeyExplain"], key, "rotated-key");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DecommissionAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["TerminalDetail.DecommissionQuestion", _id], T["TerminalDetail.DecommissionExplain"],
            yesText: T["TerminalDetail.Decommission"], cancelText: T["Common.Cancel"]);
        if (confirmed != true || !await StillAdministratorAsync()) return;
        _busy = true;
        try
        {
            if (!await Registry.DecommissionAsync(_id)) return;
            await RecordAsync(AuditActions.TerminalDecommissioned);
            // The registry has replaced the snapshot; show the "decommissioned" chip without waiting for the next refresh.
            Snapshot();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The confirmation may have stayed open while this user lost the administrator role.</summary>
    private async Task<bool> StillAdministratorAsync() => _isAdministrator = await Access.IsAdministratorAsync();

    /// <summary>Changes made from the pages carry no remote address: a circuit has no reliable HttpContext.</summary>
    private async Task RecordAsync(string action)
    {
        var actor = await Access.ActorNameAsync();
        await Audit.RecordAsync(actor, action, _id, $"store={_terminal?.StoreCode}", null);
    }
}
