using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Fleet;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// The terminal form: register (terminals page, or a store's page with the store preset) or change and move (terminal
/// page). Checked with the API's <see cref="RegistrationRules"/>; FleetRegistry writes the database, then the fleet, so
/// a moved terminal shows under its new store at once. A new terminal's key is shown once, in the shared secret dialog.
/// </summary>
public partial class TerminalDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private FleetRegistry Registry { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;

    /// <summary>The terminal to change; null to register a new one.</summary>
    [Parameter] public TerminalRegistration? Existing { get; set; }

    /// <summary>The store a new terminal goes to unless changed (registering from a store's page).</summary>
    [Parameter] public string? PresetStore { get; set; }

    private string? _terminalId, _storeCode, _model, _serialNumber, _acquirerTerminalId;
    private Dictionary<string, string[]> _errors = [];
    private string? _refusal;
    private bool _saving;

    /// <summary>Registers a terminal and then shows its key once. Returns the new terminal's id, or null when cancelled.</summary>
    public static async Task<string?> RegisterAsync(IDialogService dialogs, IStringLocalizer<UiText> texts, string? presetStore = null)
    {
        var parameters = new DialogParameters<TerminalDialog> { { d => d.PresetStore, presetStore } };
        var result = await (await dialogs.ShowAsync<TerminalDialog>(texts["Terminals.Register"], parameters, FormDialog.Options)).Result;
        if (result is not { Canceled: false, Data: RegisteredTerminal registered }) return null;
        await SecretDialog.ShowAsync(dialogs, texts["TerminalForm.KeyTitle", registered.TerminalId],
            texts["TerminalForm.KeyExplain", registered.TerminalId], registered.Key, "new-terminal-key");
        return registered.TerminalId;
    }

    /// <summary>Changes or moves a terminal. True when saved.</summary>
    public static async Task<bool> EditAsync(IDialogService dialogs, IStringLocalizer<UiText> texts, TerminalRegistration existing)
    {
        var parameters = new DialogParameters<TerminalDialog> { { d => d.Existing, existing } };
        var result = await (await dialogs.ShowAsync<TerminalDialog>(texts["TerminalForm.EditTitle", existing.TerminalId], parameters, FormDialog.Options)).Result;
        return result is { Canceled: false };
    }

    protected override void OnInitialized()
    {
        if (Existing is { } t)
        {
            (_terminalId, _storeCode, _model, _serialNumber, _acquirerTerminalId) = (t.TerminalId, t.StoreCode, t.Model, t.SerialNumber, t.AcquirerTerminalId);
        }
        else _storeCode = PresetStore is null ? null : Stores.Get(PresetStore)?.Code;
    }

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? F.Message(messages[0]) : null;

    private string Label(string field) => field switch
    {
        "terminalId" => T["TerminalForm.Id"],
        "storeCode" => T["Column.Store"],
        "model" => T["Column.Model"],
        "acquirerTerminalId" => T["TerminalForm.AcquirerTerminalId"],
        _ => T["TerminalForm.Serial"],
    };

    private async Task SaveAsync()
    {
        _refusal = null;
        var serial = RegistrationRules.Given(_serialNumber);
        var terminal = new TerminalRegistration(_terminalId?.Trim() ?? "", _storeCode ?? "", _model?.Trim() ?? "", serial,
            AcquirerTerminalId: RegistrationRules.Given(_acquirerTerminalId));
        _errors = RegistrationRules.TerminalProblems(
            new CreateTerminalRequest(terminal.TerminalId, terminal.StoreCode, terminal.Model, serial, terminal.AcquirerTerminalId), Label);
        if (_errors.Count > 0) return;
        // The form may have stayed open while this user lost the administrator role.
        if (!await Access.IsAdministratorAsync())
        {
            _refusal = T["Registration.OnlyAdministrators"];
            return;
        }
        _saving = true;
        try
        {
            var actor = await Access.ActorNameAsync();
            if (Existing is null) await RegisterAsync(terminal, actor);
            else await ChangeAsync(terminal with { TerminalId = Existing.TerminalId }, actor);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task RegisterAsync(TerminalRegistration terminal, string actor)
    {
        var (error, registered, clash) = await Registry.AddTerminalAsync(terminal);
        if (error != RegistrationError.None)
        {
            Refuse(error, terminal, clash);
            return;
        }
        await Audit.RecordAsync(actor, AuditActions.TerminalRegistered, terminal.TerminalId, RegistrationAudit.TerminalRegistered(terminal));
        Dialog.Close(DialogResult.Ok(registered!));
    }

    private async Task ChangeAsync(TerminalRegistration change, string actor)
    {
        var (error, before, clash) = await Registry.UpdateTerminalAsync(change);
        if (error != RegistrationError.None)
        {
            Refuse(error, change, clash);
            return;
        }
        var after = before! with
        {
            StoreCode = Stores.Get(change.StoreCode)?.Code ?? change.StoreCode, Model = change.Model, SerialNumber = change.SerialNumber,
            AcquirerTerminalId = change.AcquirerTerminalId,
        };
        await Audit.RecordAsync(actor, AuditActions.TerminalChanged, change.TerminalId, RegistrationAudit.TerminalChanged(before, after));
        Dialog.Close(DialogResult.Ok(after));
    }

    /// <summary>A refusal about one field is shown by it (the acquirer's id: in the reader's language by <see cref="ErrorOf"/>).</summary>
    private void Refuse(RegistrationError error, TerminalRegistration terminal, AcquirerTerminalIdClash? clash)
    {
        if (error == RegistrationError.UnknownStore) _errors["storeCode"] = [T["Problem.UnknownStoreCode", terminal.StoreCode]];
        else if (clash is not null) _errors["acquirerTerminalId"] = [clash.Problem];
        else _refusal = error switch
        {
            RegistrationError.AlreadyExists => T["Problem.TerminalExists", terminal.TerminalId],
            RegistrationError.Decommissioned => T["Problem.TerminalDecommissioned", terminal.TerminalId],
            _ => T["TerminalForm.Gone", terminal.TerminalId],
        };
    }
}
