using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// People and their access, for administrators, following the user directory live. The filters live in the address
/// (<see cref="ViewAddress"/>): <c>search</c>, <c>role</c>, <c>disabled=hide</c>.
/// </summary>
public partial class Users
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserChanges Changes { get; set; } = default!;
    [Inject] private ApiTokenDirectory Tokens { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool _checked, _isAdministrator, _showDisabled = true;
    private string? _myId, _search, _role;
    private ViewAddress? _address;

    private IEnumerable<UserAccess> Visible => Directory.All.Where(u =>
        (_showDisabled || !u.Disabled)
        && (_role is null || u.Role == _role)
        && (string.IsNullOrWhiteSpace(_search)
            || u.Email.Contains(_search, StringComparison.OrdinalIgnoreCase)
            || u.DisplayName.Contains(_search, StringComparison.OrdinalIgnoreCase)));

    protected override async Task OnInitializedAsync()
    {
        await CheckAccessAsync();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            return Task.CompletedTask;
        });
        ReadAddress();
        // Changes by another administrator show at once, and losing the administrator role hides the page.
        Follow(Directory, minInterval: TimeSpan.Zero);
        Follow(Tokens); // each person's count of tokens
        FollowClock(TimeSpan.FromMinutes(1), rereads: false); // a token that expires leaves the count without any change to follow
        _checked = true;
    }

    private void ReadAddress()
    {
        var a = _address!;
        _search = new ListFilter().Text("search", a["search"]);
        _role = a["role"] is { } role && Roles.All.Contains(role) ? role : null;
        _showDisabled = a["disabled"] != "hide";
    }

    private void SetFilter(Action set)
    {
        set();
        _address?.Write(new Dictionary<string, string?> { ["search"] = _search, ["role"] = _role, ["disabled"] = _showDisabled ? null : "hide" });
    }

    private async Task CheckAccessAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        _myId = (await Access.UserAsync())?.UserId;
    }

    protected override Task OnLiveChangeAsync() => CheckAccessAsync();

    private async Task CreateAsync() => await UserDialog.ShowAsync(Dialogs, T, null);

    private async Task EditAsync(UserAccess user) => await UserDialog.ShowAsync(Dialogs, T, user, isSelf: user.UserId == _myId);

    private async Task SetDisabledAsync(UserAccess user, bool disabled)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            disabled ? T["Users.DisableQuestion", user.Email] : T["Users.EnableQuestion", user.Email],
            disabled
                ? T["Users.DisableExplain"]
                : T["Users.EnableExplain"],
            yesText: disabled ? T["Users.Disable"] : T["Users.Enable"], cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        // The confirmation may have stayed open while this user lost the administrator role.
        if (!await Access.IsAdministratorAsync()) return;

        var actor = await Access.ActorNameAsync();
        var result = await Changes.RunAsync(a => a.SetDisabledAsync(user.UserId, disabled, actor, remoteAddress: null));
        if (result.Succeeded) Snackbar.Add(disabled ? T["Users.DisabledNow", user.Email] : T["Users.EnabledNow", user.Email], Severity.Success);
        else Snackbar.Add(string.Join(" ", result.Errors.Select(e => F.Message(e.Description))), Severity.Error);
    }

    /// <summary>Administrators see everything whatever is assigned, so their lists would mislead.</summary>
    private string ListOf(IReadOnlyList<string> values, bool administrator) =>
        administrator ? T["Users.All"] : values.Count == 0 ? "–" : string.Join(T["List.Comma"], values);

    private string StoreNames(IReadOnlyList<string> codes) =>
        string.Join(T["List.Comma"], codes.Select(c => Stores.Get(c) is { } s ? T["TerminalDetail.StoreName", s.Code, s.Name].Value : c));
}
