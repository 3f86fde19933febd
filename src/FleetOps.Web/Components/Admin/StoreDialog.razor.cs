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
/// The store form of the stores page (new) and the store page (edit). The fields are checked with the API's own
/// <see cref="RegistrationRules"/>, so the page accepts exactly what the API accepts; FleetRegistry then writes the
/// database first and the store directory after, and the change goes to the audit log.
/// </summary>
public partial class StoreDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private FleetRegistry Registry { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;

    /// <summary>The store to edit; null for a new one.</summary>
    [Parameter] public StoreInfo? Existing { get; set; }

    private string? _code, _name, _region, _timeZone = StoreZones.Default, _acquirer, _merchantId;
    private Dictionary<string, string[]> _errors = [];
    private string? _refusal;
    private bool _saving;

    /// <summary>Opens the form; the store as saved, or null when cancelled.</summary>
    public static async Task<StoreInfo?> ShowAsync(IDialogService dialogs, IStringLocalizer<UiText> texts, StoreInfo? existing = null)
    {
        var parameters = new DialogParameters<StoreDialog> { { d => d.Existing, existing } };
        var dialog = await dialogs.ShowAsync<StoreDialog>(existing is null ? texts["Stores.New"] : texts["StoreForm.EditTitle", existing.Code], parameters, FormDialog.Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: StoreInfo saved } ? saved : null;
    }

    protected override void OnInitialized()
    {
        if (Existing is { } s) (_code, _name, _region, _timeZone, _acquirer, _merchantId) = (s.Code, s.Name, s.Region, s.TimeZone, s.Acquirer, s.MerchantId);
    }

    /// <summary>Regions already in use, so a new store joins "East" rather than starting an "east".</summary>
    private string RegionHint => T["StoreForm.RegionHint", string.Join(T["List.Comma"],
        Stores.All.Select(s => s.Region).Distinct(StringComparer.OrdinalIgnoreCase).Order().Take(8))];

    private Task<IEnumerable<string>> SearchZones(string? typed, CancellationToken _) => Task.FromResult(StoreZones.Matching(typed));

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? F.Message(messages[0]) : null;

    private string Label(string field) => field switch
    {
        "code" => T["StoreForm.Code"],
        "name" => T["StoreForm.Name"],
        "region" => T["Column.Region"],
        "acquirer" => T["StoreForm.Acquirer"],
        "merchantId" => T["StoreForm.MerchantId"],
        _ => T["StoreForm.TimeZone"],
    };

    private async Task SaveAsync()
    {
        _refusal = null;
        var store = new StoreInfo(_code?.Trim() ?? "", _name?.Trim() ?? "", _region?.Trim() ?? "", _timeZone?.Trim() ?? "",
            RegistrationRules.Given(_acquirer), RegistrationRules.Given(_merchantId));
        _errors = RegistrationRules.StoreProblems(
            new CreateStoreRequest(store.Code, store.Name, store.Region, store.TimeZone, store.Acquirer, store.MerchantId), Label);
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
            if (Existing is null)
            {
                if (await Registry.AddStoreAsync(store) == RegistrationError.AlreadyExists)
                {
                    _refusal = T["Problem.StoreExists", store.Code];
                    return;
                }
                await Audit.RecordAsync(actor, AuditActions.StoreCreated, store.Code, RegistrationAudit.StoreCreated(store));
            }
            else
            {
                var (error, before, clash) = await Registry.UpdateStoreAsync(store with { Code = Existing.Code });
                if (clash is not null)
                {
                    // Shown by the acquirer field, in the reader's language (ErrorOf).
                    _errors["acquirer"] = [clash.StoreProblem];
                    return;
                }
                if (error != RegistrationError.None)
                {
                    _refusal = T["StoreForm.Gone", Existing.Code];
                    return;
                }
                store = Stores.Get(Existing.Code) ?? store;
                await Audit.RecordAsync(actor, AuditActions.StoreChanged, store.Code, RegistrationAudit.StoreChanged(before!, store));
            }
            Dialog.Close(DialogResult.Ok(store));
        }
        finally
        {
            _saving = false;
        }
    }
}
