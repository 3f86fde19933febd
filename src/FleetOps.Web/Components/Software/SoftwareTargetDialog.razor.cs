using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetOps.Web.Components.Software;

/// <summary>The target form of the software page, saved through <see cref="SoftwareTargetEditor"/> like the API's PUT.</summary>
public partial class SoftwareTargetDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private SoftwareTargetEditor Editor { get; set; } = default!;

    /// <summary>The model whose target is edited; null to choose one.</summary>
    [Parameter] public string? Model { get; set; }

    [Parameter] public SoftwareTarget? Existing { get; set; }

    private string? _model, _app, _firmware, _minimum;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _refusal;
    private bool _saving;

    /// <summary>The chosen model's terminals in service, counted once per model typed rather than on every render.</summary>
    private int Affected
    {
        get
        {
            var model = _model?.Trim() ?? "";
            if (model != _countedModel)
            {
                _countedModel = model;
                _counted = model.Length == 0 ? 0
                    : Fleet.All.Count(t => !t.Registration.Decommissioned && string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase));
            }
            return _counted;
        }
    }

    private string? _countedModel;
    private int _counted;

    /// <summary>Opens the form; the model whose target was saved, or null when cancelled.</summary>
    public static async Task<string?> ShowAsync(IDialogService dialogs, IStringLocalizer<UiText> texts, string? model, SoftwareTarget? existing)
    {
        var parameters = new DialogParameters<SoftwareTargetDialog> { { d => d.Model, model }, { d => d.Existing, existing } };
        var dialog = await dialogs.ShowAsync<SoftwareTargetDialog>(model is null ? texts["Software.NewTarget"] : texts["Software.TargetFor", model],
            parameters, FormDialog.Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string saved } ? saved : null;
    }

    protected override void OnInitialized()
    {
        _model = Model;
        if (Existing is { } t) (_app, _firmware, _minimum) = (t.AppVersion, t.FirmwareVersion, t.MinimumAppVersion);
    }

    private Task<IEnumerable<string>> SearchModels(string? typed, CancellationToken _) => Task.FromResult(Fleet.All
        .Select(t => t.Model).Distinct(StringComparer.OrdinalIgnoreCase)
        .Where(m => string.IsNullOrWhiteSpace(typed) || m.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.OrdinalIgnoreCase).AsEnumerable());

    /// <summary>The form's labels for the fields the editor names, as in the API's problems.</summary>
    private Dictionary<string, string> Labels => new()
    {
        ["model"] = T["Column.Model"],
        ["appVersion"] = T["Software.Field.App"],
        ["firmwareVersion"] = T["Software.Field.Firmware"],
        ["minimumAppVersion"] = T["Software.Field.MinimumName"],
    };

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? F.Message(messages[0], Labels) : null;

    /// <summary>A corrected field's refusal goes at once: a red message under a value already fixed reads as still wrong.</summary>
    private void Changed(string field)
    {
        if (_errors.ContainsKey(field)) _errors = _errors.Where(e => e.Key != field).ToDictionary();
    }

    /// <summary>
    /// A model picked in the new-target form that already has a target starts from it, as its row's "Set target" does: on a
    /// phone that row button is folded away, and blank fields asked for versions (the firmware) the administrator may not
    /// have at hand. Only into an untouched form: what was typed is never overwritten.
    /// </summary>
    private void ModelChosen()
    {
        Changed("model");
        if (Model is not null || !string.IsNullOrEmpty(_app) || !string.IsNullOrEmpty(_firmware) || !string.IsNullOrEmpty(_minimum)) return;
        if (string.IsNullOrWhiteSpace(_model) || Fleet.TargetFor(_model.Trim()) is not { } current) return;
        (_app, _firmware, _minimum) = (current.AppVersion, current.FirmwareVersion, current.MinimumAppVersion);
    }

    private async Task SaveAsync()
    {
        _refusal = null;
        // The form may have stayed open while this user lost the administrator role.
        if (!await Access.IsAdministratorAsync())
        {
            _refusal = T["Registration.OnlyAdministrators"];
            return;
        }
        _saving = true;
        try
        {
            var model = _model?.Trim() ?? "";
            var request = new SoftwareTargetRequest(_app, _firmware, string.IsNullOrWhiteSpace(_minimum) ? null : _minimum);
            _errors = await Editor.SetAsync(model, request, await Access.ActorNameAsync(), null);
            if (_errors.Count == 0) Dialog.Close(DialogResult.Ok(model));
        }
        catch (ArgumentException e)
        {
            _refusal = F.Message(e.Message);
        }
        finally
        {
            _saving = false;
        }
    }
}
