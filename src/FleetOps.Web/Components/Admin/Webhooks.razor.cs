using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Notifications;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// Webhook subscriptions for administrators (docs/api.md §5): add one (preset, URL, secret, kinds, minimum severity),
/// remove one, queue a test message, and each one's newest deliveries — re-read every few seconds, so a test or a
/// retry shows its outcome without a reload. The same rules as the API (<see cref="WebhookRules"/>).
/// </summary>
public partial class Webhooks
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private const int LogRows = 10;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private WebhookService Service { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private bool _checked, _isAdministrator, _busy;
    private IReadOnlyList<WebhookSubscription> _hooks = [];
    private Dictionary<long, IReadOnlyList<WebhookDeliveryDto>> _logs = [];
    private Dictionary<string, string[]> _errors = [];

    private WebhookPreset _preset = WebhookPreset.Generic;
    private string? _url, _secret;
    private IReadOnlyCollection<AlertKind> _kinds = [];
    private AlertSeverity _minSeverity = AlertSeverity.Warning;

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        if (_isAdministrator)
        {
            await LoadAsync();
            FollowClock(RefreshEvery);
        }
        _checked = true;
    }

    protected override Task OnLiveChangeAsync() => _isAdministrator ? LoadAsync() : Task.CompletedTask;

    private IReadOnlyList<WebhookDeliveryDto> Log(WebhookSubscription hook) => _logs.GetValueOrDefault(hook.Id) ?? [];

    private async Task LoadAsync()
    {
        // Asked again at every refresh: the role may have been taken away since the page opened.
        if (!await Access.IsAdministratorAsync())
        {
            _isAdministrator = false;
            return;
        }
        _hooks = await Service.ListAsync();
        var logs = new Dictionary<long, IReadOnlyList<WebhookDeliveryDto>>();
        foreach (var hook in _hooks) logs[hook.Id] = (await Service.DeliveriesAsync(hook.Id)).Take(LogRows).ToList();
        _logs = logs;
    }

    private async Task AddAsync()
    {
        var request = new WebhookRequest(_url, _secret, _kinds.Select(k => k.ToWire()).ToList(), _minSeverity.ToWire(), _preset.ToWire());
        var (draft, errors) = WebhookRules.Check(request);
        _errors = errors;
        if (draft is null || !await Access.IsAdministratorAsync()) return;
        _busy = true;
        try
        {
            await Service.CreateAsync(draft, await Access.ActorNameAsync(), remoteAddress: null);
            (_url, _secret, _kinds) = (null, null, []);
            Snackbar.Add(T["Webhooks.Added"], Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SendTestAsync(WebhookSubscription hook)
    {
        if (!await Access.IsAdministratorAsync()) return;
        if (await Service.QueueTestAsync(hook.Id, await Access.ActorNameAsync(), remoteAddress: null) is not null)
        {
            Snackbar.Add(T["Webhooks.TestQueued"], Severity.Info);
        }
        await LoadAsync();
    }

    /// <summary>
    /// Asked first, naming the address: removing takes the delivery history with it, and the secret cannot be read back to
    /// add the same webhook again.
    /// </summary>
    private async Task RemoveAsync(WebhookSubscription hook)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Webhooks.RemoveQuestion", hook.MaskedUrl], T["Webhooks.RemoveExplain"],
            yesText: T["Webhooks.Remove"], cancelText: T["Common.Cancel"]);
        if (confirmed != true || !await Access.IsAdministratorAsync()) return;
        if (await Service.DeleteAsync(hook.Id, await Access.ActorNameAsync(), remoteAddress: null)) Snackbar.Add(T["Webhooks.Removed"], Severity.Success);
        await LoadAsync();
    }
}
