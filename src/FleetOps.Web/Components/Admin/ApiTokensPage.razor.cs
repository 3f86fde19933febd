using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// Every person's API tokens, for administrators: a token that leaked, or that belongs to a system no longer in use, can be
/// revoked without its owner (who sees on their own tokens page who revoked it). The view lives in the address:
/// <c>search</c> (the token's name or prefix, the owner's name or e-mail), <c>owner</c> (an e-mail, as the users page links
/// it) and <c>status</c> (<see cref="TokenFilter"/>, valid by default). Follows the tokens on every node, the people (a
/// disabled owner's tokens are refused) and the clock (ages, "expires in").
/// </summary>
public partial class ApiTokensPage
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ApiTokenDirectory Directory { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool _checked, _isAdministrator;
    private string? _search, _owner;
    private TokenFilter _status = TokenFilter.Valid;
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private ViewAddress? _address;

    private int _reads;

    /// <summary>Where the tooltips' times are read: the zone all stores share, else UTC (as on the administrator's own tokens page).</summary>
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    /// <summary>The people who own a token, for the owner filter; an owner named in the address is kept even with none.</summary>
    private IEnumerable<string> Owners => _tokens.Select(t => Users.Get(t.UserId)?.Email).OfType<string>()
        .Append(_owner).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(Users.DisplayNameOf, StringComparer.CurrentCultureIgnoreCase);

    private IEnumerable<ApiTokenInfo> Visible => Matching.Where(t => Shows(_status, t));

    /// <summary>The tokens the owner and search filters keep, whatever their status (the status choice counts these).</summary>
    private IEnumerable<ApiTokenInfo> Matching => _tokens.Where(t =>
    {
        var owner = Users.Get(t.UserId);
        return (_owner is null || string.Equals(owner?.Email, _owner, StringComparison.OrdinalIgnoreCase)) && t.Matches(_search, owner);
    });

    protected override async Task OnInitializedAsync()
    {
        await CheckAccessAsync();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            return Task.CompletedTask;
        });
        ReadAddress();
        _zone = StoreTime.Common(Stores, null);
        await LoadAsync();
        Follow(Directory);
        // Losing the administrator role hides the page at once; an owner disabled or renamed shows as such.
        Follow(Users, minInterval: TimeSpan.Zero);
        FollowClock(TimeSpan.FromMinutes(1), rereads: false);
        _checked = true;
    }

    protected override async Task OnLiveChangeAsync()
    {
        await CheckAccessAsync();
        await LoadAsync();
    }

    private async Task CheckAccessAsync() => _isAdministrator = await Access.IsAdministratorAsync();

    private async Task LoadAsync()
    {
        if (!_isAdministrator) return;
        // A change may land while an earlier read still runs: only the newest read is shown.
        var read = ++_reads;
        var tokens = await Directory.AllAsync();
        if (read == _reads) _tokens = tokens;
    }

    private void ReadAddress()
    {
        var a = _address!;
        var filter = new ListFilter();
        _search = filter.Text("search", a["search"]);
        _owner = filter.Text("owner", a["owner"]);
        // A status the address gets wrong (edited by hand) shows the default view rather than an error on a page.
        _status = filter.Enum<TokenFilter>("status", a["status"]) ?? TokenFilter.Valid;
    }

    private void SetFilter(Action set)
    {
        set();
        _address?.Write(new Dictionary<string, string?>
        {
            ["search"] = _search, ["owner"] = _owner, ["status"] = _status == TokenFilter.Valid ? null : _status.ToWire(),
        });
    }

    private bool Shows(TokenFilter filter, ApiTokenInfo token) =>
        filter.Includes(token.StandingAt(Time.GetUtcNow(), Users.Get(token.UserId)?.Disabled == true));

    private int Count(TokenFilter filter) => Matching.Count(t => Shows(filter, t));

    private string FilterText(TokenFilter filter) => filter switch
    {
        TokenFilter.Valid => T["AllTokens.Filter.Valid"],
        TokenFilter.Expiring => T["AllTokens.Filter.Expiring"],
        TokenFilter.OwnerDisabled => T["AllTokens.Filter.OwnerDisabled"],
        TokenFilter.Expired => T["AllTokens.Filter.Expired"],
        TokenFilter.Revoked => T["AllTokens.Filter.Revoked"],
        _ => T["AllTokens.Filter.All"],
    };

    private string OwnerText(ApiTokenInfo token) => Users.Get(token.UserId)?.DisplayName ?? T["AllTokens.UnknownOwner"];

    /// <summary>The day the token expires on the page's clock, "never", or a dash once revoked (as on the owner's page).</summary>
    private string ExpiryText(ApiTokenInfo token) => token switch
    {
        { RevokedAt: not null } => UiFormat.NoValue,
        { ExpiresAt: { } expires } => F.Date(StoreTime.Day(expires, _zone.Id)),
        _ => T["Tokens.NeverExpires"],
    };

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        var owner = Users.Get(token.UserId);
        var ownerName = owner?.DisplayName ?? T["AllTokens.UnknownOwner"];
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["AllTokens.RevokeQuestion", token.Name, ownerName], T["AllTokens.RevokeExplain", ownerName],
            yesText: T["Tokens.Revoke"], cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        // The confirmation may have stayed open while this person lost the administrator role.
        if (!await Access.IsAdministratorAsync() || await Access.UserAsync() is not { } me) return;

        if (await Directory.RevokeAsync(token.Id, token.UserId, anyOwner: true, revokedBy: me.Email) is { } revoked)
        {
            // The owner is named in the details: the target (the token's name and prefix) does not say whose it was.
            await Audit.RecordAsync(me.Email, AuditActions.TokenRevoked, revoked.AuditTarget,
                owner is null ? null : $"owner {owner.Email}", null);
            Snackbar.Add(T["AllTokens.RevokedNow", token.Name, ownerName], Severity.Success);
        }
        else Snackbar.Add(T["AllTokens.AlreadyRevoked", token.Name], Severity.Info); // revoked meanwhile, by its owner or another administrator
        await LoadAsync();
    }
}
