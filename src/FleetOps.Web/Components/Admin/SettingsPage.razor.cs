using System.Globalization;
using System.Text.RegularExpressions;
using FleetOps.Core.Detection;
using FleetOps.Web.Security;
using FleetOps.Web.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// The detection thresholds for administrators: each with its unit, a plain-words explanation and its configured value;
/// saving sends only the fields that changed, through the same service and rule as the API
/// (<see cref="ThresholdSettings"/>), so the change is audited and in force at once; "reset" removes one override.
/// </summary>
public partial class SettingsPage
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ThresholdSettings Thresholds { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool _checked, _isAdministrator, _busy;
    private IReadOnlyList<ThresholdValue> _values = [];
    private Dictionary<string, double> _edits = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        if (_isAdministrator) Show(Thresholds.Current());
        _checked = true;
    }

    private void Show(IReadOnlyList<ThresholdValue> values)
    {
        _values = values;
        _edits = values.ToDictionary(v => v.Setting.Name, v => v.Value);
    }

    private Task SaveAsync()
    {
        var changed = _values.Where(v => !_edits[v.Setting.Name].Equals(v.Value))
            .ToDictionary(v => v.Setting.Name, v => (double?)_edits[v.Setting.Name]);
        if (changed.Count == 0)
        {
            Snackbar.Add(T["Settings.NothingChanged"], Severity.Info);
            return Task.CompletedTask;
        }
        return SubmitAsync(changed, T["Settings.Saved"]);
    }

    private Task ResetAsync(ThresholdSetting setting) =>
        SubmitAsync(new Dictionary<string, double?> { [setting.Name] = null }, T["Settings.ResetDone", T[Words(setting).Label]]);

    private async Task SubmitAsync(IReadOnlyDictionary<string, double?> changes, string done)
    {
        // Asked again: the role may have been taken away since the page opened.
        if (!await Access.IsAdministratorAsync())
        {
            _isAdministrator = false;
            return;
        }
        _busy = true;
        try
        {
            var result = await Thresholds.SaveAsync(changes, await Access.ActorNameAsync(), remoteAddress: null);
            _errors = result.Errors;
            if (!result.Saved) return;
            Show(result.Values);
            Snackbar.Add(done, Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The resource keys of a threshold's label, explanation and unit (spelled out, so the key check finds them).</summary>
    private static (string Label, string Help, string Unit) Words(ThresholdSetting setting) => setting.Name switch
    {
        nameof(DetectionOptions.OfflineAfterSeconds) => ("Settings.OfflineAfterSeconds", "Settings.OfflineAfterSeconds.Help", "Settings.Unit.Seconds"),
        nameof(DetectionOptions.UnstablePowerLosses) => ("Settings.UnstablePowerLosses", "Settings.UnstablePowerLosses.Help", "Settings.Unit.Losses"),
        nameof(DetectionOptions.UnstablePowerWindowHours) => ("Settings.UnstablePowerWindowHours", "Settings.UnstablePowerWindowHours.Help", "Settings.Unit.Hours"),
        nameof(DetectionOptions.StoreWideShare) => ("Settings.StoreWideShare", "Settings.StoreWideShare.Help", "Settings.Unit.Share"),
        nameof(DetectionOptions.StoreWideMinimumTerminals) => ("Settings.StoreWideMinimumTerminals", "Settings.StoreWideMinimumTerminals.Help", "Settings.Unit.Terminals"),
        nameof(DetectionOptions.StoreWideSpanSeconds) => ("Settings.StoreWideSpanSeconds", "Settings.StoreWideSpanSeconds.Help", "Settings.Unit.Seconds"),
        nameof(DetectionOptions.BatteryWeakRuntimeMinutes) => ("Settings.BatteryWeakRuntimeMinutes", "Settings.BatteryWeakRuntimeMinutes.Help", "Settings.Unit.Minutes"),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting.Name, "A threshold without words on the settings page."),
    };

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The rule's own message is English and names the configuration key; its limits are read back out of it, so the
    /// form says the same range in the reader's language without a second copy of the ranges.
    /// </summary>
    private string ErrorText(ThresholdSetting setting)
    {
        if (!_errors.TryGetValue(setting.JsonName, out var messages) || messages.Length == 0) return string.Empty;
        var range = Range().Match(messages[0]);
        if (range.Success) return T["Settings.Error.Range", range.Groups[1].Value, range.Groups[2].Value];
        var retention = RetentionTooShort().Match(messages[0]);
        if (retention.Success) return T["Settings.Error.RetentionTooShort", retention.Groups[1].Value, retention.Groups[2].Value];
        return messages[0].Contains("whole number", StringComparison.Ordinal) ? T["Settings.Error.Whole"] : messages[0];
    }

    [GeneratedRegex(@"must be between (\S+) and (\S+) \(")]
    private static partial Regex Range();

    /// <summary>The window the heartbeat retention can cover, and that retention (FleetOps.Core.Detection.PowerHistoryRetention).</summary>
    [GeneratedRegex(@"must be at most (\S+) hours while \S+ is (\S+) \(")]
    private static partial Regex RetentionTooShort();
}
