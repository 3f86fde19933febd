namespace FleetOps.Core.Detection;

/// <summary>
/// The thresholds that may be changed live, and the one way to apply saved overrides to the configured values.
/// The transaction limits (completion timeout, settle limit, authorisation expiry) are deliberately not here: the
/// transaction book queues each open sale's deadline when it judges it, and the money-at-risk history picks closed
/// sales from the database by those limits, so a live change would leave both half old, half new until a restart.
/// </summary>
public static class Thresholds
{
    public static IReadOnlyList<ThresholdSetting> Editable { get; } =
    [
        new(nameof(DetectionOptions.OfflineAfterSeconds), ThresholdGroup.Offline, true, o => o.OfflineAfterSeconds, (o, v) => o.OfflineAfterSeconds = (int)v),
        new(nameof(DetectionOptions.UnstablePowerLosses), ThresholdGroup.Power, true, o => o.UnstablePowerLosses, (o, v) => o.UnstablePowerLosses = (int)v),
        new(nameof(DetectionOptions.UnstablePowerWindowHours), ThresholdGroup.Power, false, o => o.UnstablePowerWindowHours, (o, v) => o.UnstablePowerWindowHours = v),
        new(nameof(DetectionOptions.StoreWideShare), ThresholdGroup.StoreWide, false, o => o.StoreWideShare, (o, v) => o.StoreWideShare = v),
        new(nameof(DetectionOptions.StoreWideMinimumTerminals), ThresholdGroup.StoreWide, true, o => o.StoreWideMinimumTerminals, (o, v) => o.StoreWideMinimumTerminals = (int)v),
        new(nameof(DetectionOptions.StoreWideSpanSeconds), ThresholdGroup.StoreWide, true, o => o.StoreWideSpanSeconds, (o, v) => o.StoreWideSpanSeconds = (int)v),
        new(nameof(DetectionOptions.BatteryWeakRuntimeMinutes), ThresholdGroup.Battery, true, o => o.BatteryWeakRuntimeMinutes, (o, v) => o.BatteryWeakRuntimeMinutes = (int)v),
    ];

    /// <summary>The setting of a §3 name (any case), or null.</summary>
    public static ThresholdSetting? Find(string name) =>
        Editable.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A new instance: the configured values with <paramref name="overrides"/> (by <see cref="ThresholdSetting.Name"/>) written over them.</summary>
    public static DetectionOptions Apply(DetectionOptions configured, IReadOnlyDictionary<string, double> overrides)
    {
        var applied = configured.Copy();
        foreach (var (name, value) in overrides)
        {
            Find(name)?.Write(applied, value);
        }
        return applied;
    }

    /// <summary>
    /// What is wrong with these values, per setting name, by the very rule that checks the settings at start-up
    /// (<see cref="DetectionOptions.Problems"/>): its messages name the full key, which is how they are matched back.
    /// A fractional value for a whole-number setting is refused first, since writing it would silently cut it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Problems(DetectionOptions configured, IReadOnlyDictionary<string, double> overrides)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            if (Find(name) is { Whole: true } setting && (!double.IsFinite(value) || Math.Round(value) != value || Math.Abs(value) > int.MaxValue))
            {
                found[setting.Name] = $"{setting.Key} must be a whole number (was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
            }
        }
        if (found.Count > 0) return found;
        foreach (var problem in Apply(configured, overrides).Problems())
        {
            var setting = Editable.FirstOrDefault(s => problem.StartsWith(s.Key + " ", StringComparison.Ordinal));
            found[setting?.Name ?? string.Empty] = problem;
        }
        return found;
    }
}
