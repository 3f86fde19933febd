using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

public partial class UserDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserChanges Changes { get; set; } = default!;

    /// <summary>The user to edit; null for a new one.</summary>
    [Parameter] public UserAccess? Existing { get; set; }

    /// <summary>Administrators may not change their own role: the last one would lock everybody out.</summary>
    [Parameter] public bool IsSelf { get; set; }

    private MudForm? _form;
    private string _email = "", _displayName = "", _role = Roles.StoreManager;
    private string? _password;
    private IReadOnlyCollection<string> _regions = [], _stores = [];
    private IReadOnlyList<string> _allRegions = [];
    private bool _generatePassword = true, _saving;
    private List<string> _errors = [];

    /// <summary>The scope the role still needs, marked at its field once a save was tried (<see cref="UserScopeRule"/>).</summary>
    private (string Field, string Problem)? _missingScope;

    private string? ScopeError => _missingScope is { } missing ? F.Message(missing.Problem) : null;

    /// <summary>Set after a user was created with a generated password: the dialog then shows it, once.</summary>
    private string? _createdPassword;

    private string RoleHint => _role switch
    {
        Roles.Administrator => T["UserDialog.Hint.Administrator"],
        Roles.RegionalManager => T["UserDialog.Hint.RegionalManager"],
        Roles.StoreManager => T["UserDialog.Hint.StoreManager"],
        _ => T["UserDialog.Hint.Technician"],
    };

    public static async Task ShowAsync(IDialogService dialogs, IStringLocalizer<UiText> texts, UserAccess? existing, bool isSelf = false)
    {
        var parameters = new DialogParameters<UserDialog> { { d => d.Existing, existing }, { d => d.IsSelf, isSelf } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<UserDialog>(existing is null ? texts["Users.New"] : texts["Users.Edit"], parameters, options);
        await dialog.Result;
    }

    protected override void OnInitialized()
    {
        _allRegions = Stores.All.Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
        if (Existing is { } u)
        {
            (_email, _displayName, _role, _regions, _stores) = (u.Email, u.DisplayName, u.Role, u.Regions.ToList(), u.Stores.ToList());
        }
        RefreshAddable();
    }

    /// <summary>The form shows the rule at the field; UserAdministration applies the same one to whatever arrives.</summary>
    private string? Keepable(string label, string? value) => value is null ? null : TextRules.Problem(label, value) is { } problem ? F.Message(problem) : null;

    /// <summary>The stores not chosen yet, for the picker.</summary>
    private IReadOnlyList<StoreInfo> _addableStores = [];
    private int _added;

    private void AddStore(string? code)
    {
        if (code is null || _stores.Contains(code, StringComparer.OrdinalIgnoreCase)) return;
        _stores = [.. _stores, code];
        _added++; // a new picker, empty again for the next store
        RefreshAddable();
        RecheckScope();
    }

    private void RemoveStore(string? code)
    {
        _stores = _stores.Where(c => !string.Equals(c, code, StringComparison.OrdinalIgnoreCase)).ToList();
        RefreshAddable();
        RecheckScope();
    }

    private void SetRegions(IEnumerable<string>? regions)
    {
        _regions = regions?.ToList() ?? [];
        RecheckScope();
    }

    private void SetRole(string role)
    {
        _role = role;
        RecheckScope();
    }

    /// <summary>Once marked, the mark follows the choices: it goes when the role has its scope, or moves to the field the new role needs.</summary>
    private void RecheckScope()
    {
        if (_missingScope is not null) _missingScope = MissingScope();
    }

    private (string Field, string Problem)? MissingScope() => UserScopeRule.Missing(_role, _regions.Count, _stores.Count);

    private void RefreshAddable() => _addableStores = Stores.All.Where(s => !_stores.Contains(s.Code, StringComparer.OrdinalIgnoreCase)).ToList();

    private string StoreTitle(string code) => Stores.Get(code) is { } s ? T["UserDialog.StoreChoice", s.Code, s.Name, s.Region] : code;

    private async Task SaveAsync()
    {
        _errors = [];
        if (_form is not null)
        {
            await _form.ValidateAsync();
        }
        // The API's rule, asked before anything is sent: the person would otherwise sign in to an empty fleet.
        _missingScope = MissingScope();
        if (_form is { IsValid: false } || _missingScope is not null) return;
        // The dialog may have stayed open while this user lost the administrator role.
        if (!await Access.IsAdministratorAsync())
        {
            _errors = [T["UserDialog.OnlyAdministrators"]];
            return;
        }
        _saving = true;
        try
        {
            var actor = await Access.ActorNameAsync();
            // Administrators see everything: a stored scope would only confuse a later demotion.
            var administrator = _role == Roles.Administrator;
            var draft = new UserDraft(_email.Trim(), _displayName.Trim(), _role,
                administrator ? [] : _regions.ToList(), administrator ? [] : _stores.ToList());
            if (Existing is null)
            {
                var password = _generatePassword ? InitialPassword.New() : _password ?? "";
                var result = await Changes.RunAsync(a => a.CreateAsync(draft, password, actor, remoteAddress: null));
                if (!result.Succeeded) { _errors = result.Errors.Select(e => e.Description).ToList(); return; }
                if (_generatePassword) { _createdPassword = password; return; }
            }
            else
            {
                var result = await Changes.RunAsync(a => a.UpdateAsync(Existing.UserId, draft, actor, remoteAddress: null));
                if (!result.Succeeded) { _errors = result.Errors.Select(e => e.Description).ToList(); return; }
            }
            Dialog.Close(DialogResult.Ok(true));
        }
        finally
        {
            _saving = false;
        }
    }
}
