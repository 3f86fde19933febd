using FleetOps.Core.Alerts;
using FleetOps.Web.Notifications;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Account;

/// <summary>
/// The signed-in person's own e-mail notifications, whatever their role: on or off, kinds, minimum severity, a test mail,
/// and their newest mails (re-read every few seconds, so a test's or a retry's outcome shows without a reload). Only
/// alerts of their own stores are ever mailed (<see cref="MailOutbox"/>); the page says when the server sends no mail.
/// </summary>
public partial class Notifications
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private const int LogRows = 10;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private MailService Service { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private UserAccess? _user;
    private bool _enabled, _busy, _testWaiting;
    private IReadOnlyCollection<AlertKind> _kinds = [];
    private AlertSeverity _minSeverity = AlertSeverity.Warning;
    private IReadOnlyList<WebhookDeliveryDto> _log = [];

    protected override async Task OnInitializedAsync()
    {
        if (await Access.UserAsync() is not { Disabled: false } user) return;
        _user = user;
        var subscription = await Service.GetAsync(user);
        (_enabled, _kinds, _minSeverity) = (subscription.Enabled, subscription.Interest.Kinds.ToList(), subscription.Interest.MinSeverity);
        await LoadLogAsync();
        FollowClock(RefreshEvery);
    }

    protected override Task OnLiveChangeAsync() => LoadLogAsync();

    private async Task LoadLogAsync()
    {
        if (_user is null) return;
        var mails = await Service.DeliveriesAsync(_user);
        // Read off the same rows (the newest 50), not a second query every refresh; the service answers a click the same way.
        _testWaiting = mails.Any(m => m.Type == WebhookMessage.Test && m.Status == WebhookDeliveryStatus.Pending);
        _log = mails.Take(LogRows).ToList();
    }

    private async Task SaveAsync()
    {
        if (_user is null) return;
        _busy = true;
        try
        {
            await Service.SaveAsync(_user, _enabled, new AlertInterest(_kinds.ToHashSet(), _minSeverity), remoteAddress: null);
            Snackbar.Add(T["Notifications.Saved"], Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SendTestAsync()
    {
        if (_user is null) return;
        if (await Service.QueueTestAsync(_user, remoteAddress: null) is not null) Snackbar.Add(T["Notifications.TestQueued"], Severity.Info);
        await LoadLogAsync();
    }
}
