using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FleetOps.Web.Components.Account;

public partial class Tokens
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ApiTokenDirectory Directory { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;

    /// <summary>The lifetime that stands for "no expiry" in the choice of lifetimes.</summary>
    private const int NoExpiry = 0;

    /// <summary>
    /// Lifetimes to choose from, in days: a quarter by default, short enough that a forgotten token dies by itself, long
    /// enough not to break a nightly job every month; no expiry for what must run unattended, with a warning.
    /// </summary>
    private static readonly int[] LifetimeChoices = [30, 90, 365, NoExpiry];

    private UserAccess? _user;
    private int _lifetimeDays = 90;
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private string? _name;
    private bool _busy;

    private int _reads;

    /// <summary>
    /// Where the tooltips' times are read: the zone the person's stores share, as on their other pages (UTC when the
    /// stores span several zones). A token is the person's, not a store's, so no single store's clock applies.
    /// </summary>
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    /// <summary>The token just created: held only by this page, so it disappears with it and is never shown again.</summary>
    private (ApiTokenInfo Info, string Token)? _created;

    private string ScopeText => _user switch
    {
        { IsAdministrator: true } => T["Scope.Everything"],
        { Regions.Count: 0, Stores.Count: 0 } => T["Scope.Nothing"],
        { } u => string.Join(T["List.Separator"], new[]
        {
            u.Regions.Count == 0 ? null : T["Scope.Regions", string.Join(T["List.Comma"], u.Regions)],
            u.Stores.Count == 0 ? null : T["Scope.Stores", string.Join(T["List.Comma"], u.Stores)],
        }.Where(s => s is not null)),
        null => "",
    };

    protected override async Task OnInitializedAsync()
    {
        _user = await Access.UserAsync();
        if (_user is not null) _zone = StoreTime.Common(Stores, _user.Scope.StoreCodes(Stores));
        await LoadAsync();
        // A token an administrator revokes shows as revoked at once; ages and "expires in" move with the clock.
        if (_user is { } user) Follow(Directory, t => t.UserId == user.UserId);
        FollowClock(TimeSpan.FromMinutes(1), rereads: false);
    }

    protected override Task OnLiveChangeAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (_user is null) return;
        // A change may land while an earlier read still runs: only the newest read is shown.
        var read = ++_reads;
        var tokens = await Directory.ForUserAsync(_user.UserId);
        if (read != _reads) return;
        _tokens = tokens;
        // Revoked meanwhile (by an administrator): its secret is of no use any more and is not left on the screen.
        if (_created is { } created && tokens.Any(t => t.Id == created.Info.Id && t.RevokedAt is not null)) _created = null;
    }

    private async Task NameKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await CreateAsync();
    }

    private async Task CreateAsync()
    {
        if (_user is null || string.IsNullOrWhiteSpace(_name) || _busy) return;
        _busy = true;
        try
        {
            var name = _name.Trim();
            (ApiTokenInfo Info, string Token) created;
            try
            {
                created = await Directory.CreateAsync(_user.UserId, name.Length > 100 ? name[..100] : name,
                    _lifetimeDays == NoExpiry ? null : TimeSpan.FromDays(_lifetimeDays));
            }
            catch (RefusedTextException e)
            {
                Snackbar.Add(F.Message(e.Message), Severity.Warning); // the name stays in the box to be corrected
                return;
            }
            // Remote address: a circuit has no reliable HttpContext, so changes made from the pages carry none.
            await Audit.RecordAsync(_user.Email, AuditActions.TokenCreated, created.Info.AuditTarget, created.Info.AuditLifetime, null);
            _created = created;
            _name = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        if (_user is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Tokens.RevokeQuestion", token.Name], T["Tokens.RevokeExplain"],
            yesText: T["Tokens.Revoke"], cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        if (await Directory.RevokeAsync(token.Id, _user.UserId, anyOwner: false, revokedBy: _user.Email) is { } revoked)
        {
            await Audit.RecordAsync(_user.Email, AuditActions.TokenRevoked, revoked.AuditTarget, null, null);
            if (_created?.Info.Id == revoked.Id) _created = null;
            Snackbar.Add(T["Tokens.RevokedNow", token.Name], Severity.Success);
        }
        await LoadAsync();
    }

    /// <summary>The day a token expires on the person's clock ("7 Mar 2027"), "never", or a dash once revoked.</summary>
    private string ExpiryText(ApiTokenInfo token) => token switch
    {
        { RevokedAt: not null } => UiFormat.NoValue,
        { ExpiresAt: { } expires } => F.Date(StoreTime.Day(expires, _zone.Id)),
        _ => T["Tokens.NeverExpires"],
    };

    private string LifetimeText(int days) => days switch
    {
        NoExpiry => T["Tokens.Lifetime.Never"],
        365 => T["Tokens.Lifetime.Year"],
        _ => T["Tokens.Lifetime.Days", days],
    };
}
