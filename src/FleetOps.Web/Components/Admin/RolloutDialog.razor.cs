using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Web.Localization;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// The new-rollout form of the rollouts page. <see cref="RolloutService.CreateAsync"/> checks it exactly as it checks the API's
/// requests, and its refusals are shown in the reader's language.
/// </summary>
public partial class RolloutDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private RolloutService Service { get; set; } = default!;
    [Inject] private RolloutBook Book { get; set; } = default!;

    private IReadOnlyList<string> _models = [];
    private IReadOnlyList<string> _stores = [];
    private string? _model, _appVersion, _firmwareVersion, _refusal;
    private int _haltPercent = RolloutRequest.DefaultHaltWhenFailedPercent;
    private int? _advancePercent;
    private bool _saving;

    /// <summary>Refusals shown at their field (by the wire name the service quotes), in the reader's language.</summary>
    private Dictionary<string, string> _errors = [];
    private readonly List<WaveDraft> _waves = [new() { ByStores = true }, new() { Percent = 100 }];

    /// <summary>Opens the form; the rollout as started, or null when cancelled.</summary>
    public static async Task<Rollout?> ShowAsync(IDialogService dialogs, IStringLocalizer<UiText> texts)
    {
        var dialog = await dialogs.ShowAsync<RolloutDialog>(texts["Rollouts.New"], FormDialog.Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: Rollout started } ? started : null;
    }

    protected override void OnInitialized()
    {
        _models = Fleet.All.Where(t => !t.Registration.Decommissioned).Select(t => t.Model)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        _stores = Stores.All.Select(s => s.Code).ToList();
        _model = _models.FirstOrDefault();
    }

    /// <summary>
    /// The chosen model's rollout that starting this one would end (docs/api.md: a new rollout supersedes it), so the
    /// administrator knows before starting, not from the old rollout's page afterwards.
    /// </summary>
    private Rollout? Superseded => string.IsNullOrEmpty(_model) ? null : Book.Active(_model);

    /// <summary>The form's labels for the fields the service names, as in the API's problems.</summary>
    private Dictionary<string, string> Labels => new()
    {
        ["model"] = T["Rollouts.Model"],
        ["appVersion"] = T["Rollouts.AppVersion"],
        ["firmwareVersion"] = T["Rollouts.FirmwareName"],
    };

    /// <summary>A corrected field's refusal goes at once: a red message under a value already fixed reads as still wrong.</summary>
    private void Changed(string field) => _errors.Remove(field);

    /// <summary>What is missing, each at its field and all at once, before asking the service (which stops at the first).</summary>
    private Dictionary<string, string> Missing()
    {
        var missing = new Dictionary<string, string>();
        // The first model is chosen and the list cannot be cleared: no model means none is in service, and "choose one"
        // would ask for what the empty list cannot give.
        if (string.IsNullOrWhiteSpace(_model)) missing["model"] = T["Rollouts.NoModelInService"];
        if (string.IsNullOrWhiteSpace(_appVersion)) missing["appVersion"] = T["Problem.FieldRequired", T["Rollouts.AppVersion"]];
        return missing;
    }

    private void AddWave()
    {
        if (_waves.Count < RolloutRequest.MaxWaves) _waves.Add(new WaveDraft { Percent = 100 });
    }

    private async Task StartAsync()
    {
        _refusal = null;
        if (!await Access.IsAdministratorAsync())
        {
            _refusal = T["Registration.OnlyAdministrators"];
            return;
        }
        _errors = Missing();
        if (_errors.Count > 0) return;
        _saving = true;
        try
        {
            var request = new RolloutRequest(_model, _appVersion?.Trim(), string.IsNullOrWhiteSpace(_firmwareVersion) ? null : _firmwareVersion.Trim(),
                _waves.Select(w => w.ByStores ? WaveSpec.OfStores([.. w.Stores]) : WaveSpec.OfPercent(w.Percent)).ToList(), _haltPercent, _advancePercent);
            var result = await Service.CreateAsync(request, await Access.ActorNameAsync(), null);
            if (result.Rollout is { } started) Dialog.Close(DialogResult.Ok(started));
            else if (Labels.Keys.FirstOrDefault(f => result.Detail!.StartsWith($"'{f}'", StringComparison.Ordinal)) is { } field)
            {
                _errors[field] = F.Message(result.Detail!, Labels);
            }
            else _refusal = F.Message(result.Detail!);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>One wave as typed: stores chosen from the list, or a percentage.</summary>
    private sealed class WaveDraft
    {
        public bool ByStores { get; set; }
        public IReadOnlyCollection<string> Stores { get; set; } = [];
        public int Percent { get; set; } = 10;
    }
}
