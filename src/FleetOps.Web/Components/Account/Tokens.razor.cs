using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
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
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;

    private UserAccess? _user;
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private string? _name;
    private bool _busy;

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
    }

    private async Task LoadAsync()
    {
        if (_user is not null) _tokens = await Directory.ForUserAsync(_user.UserId);
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
                created = await Directory.CreateAsync(_user.UserId, name.Length > 100 ? name[..100] : name);
            }
            catch (RefusedTextException e)
            {
                Snackbar.Add(F.Message(e.Message), Severity.Warning); // the name stays in the box to be corrected
                return;
            }
            // Remote address: a circuit has no reliable HttpContext, so changes made from the pages carry none.
            await Audit.RecordAsync(_user.Email, AuditActions.TokenCreated, Describe(created.Info), null, null);
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
        if (await Directory.RevokeAsync(token.Id, _user.UserId, anyOwner: false) is { } revoked)
        {
            await Audit.RecordAsync(_user.Email, AuditActions.TokenRevoked, Describe(revoked), null, null);
            if (_created?.Info.Id == revoked.Id) _created = null;
            Snackbar.Add(T["Tokens.RevokedNow", token.Name], Severity.Success);
        }
        await LoadAsync();
    }

    private static string Describe(ApiTokenInfo token) => $"{token.Name} ({token.Prefix}…)";
}
