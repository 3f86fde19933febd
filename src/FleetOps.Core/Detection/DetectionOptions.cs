using FleetOps.Core.Settings;

namespace FleetOps.Core.Detection;

/// <summary>
/// Detection thresholds, bound from <c>FleetOps:Detection</c> (docs/api.md §3). Defaults are production values.
/// The setters exist for the configuration binder only: an instance, once handed to <see cref="Fleet.FleetState"/>, is
/// never changed again; a new value saved by an administrator makes a new instance (<see cref="Copy"/>) that replaces the
/// old one as a whole, so no reader ever sees half of a change.
/// </summary>
public sealed class DetectionOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Detection";

    public int OfflineAfterSeconds { get; set; } = 180;
    public int UnstablePowerLosses { get; set; } = 3;
    public double UnstablePowerWindowHours { get; set; } = 24;
    public int CompletionTimeoutSeconds { get; set; } = 300;
    public double SettleWithinHours { get; set; } = 26;
    public double AuthorizationExpiryWarningDays { get; set; } = 4;

    /// <summary>Losses at this share of a store's terminals within <see cref="StoreWideSpan"/> point at the store's supply.</summary>
    public double StoreWideShare { get; set; } = 0.6;
    public int StoreWideMinimumTerminals { get; set; } = 2;
    public int StoreWideSpanSeconds { get; set; } = 120;

    /// <summary>A battery that kept the terminal running for less than this, from going on battery to low or dead, is weak (§6).</summary>
    public int BatteryWeakRuntimeMinutes { get; set; } = 10;

    public TimeSpan OfflineAfter => TimeSpan.FromSeconds(OfflineAfterSeconds);
    public TimeSpan UnstablePowerWindow => TimeSpan.FromHours(UnstablePowerWindowHours);
    public TimeSpan StoreWideSpan => TimeSpan.FromSeconds(StoreWideSpanSeconds);

    /// <summary>A separate instance to change before it is published (see the class remarks).</summary>
    public DetectionOptions Copy() => (DetectionOptions)MemberwiseClone();

    /// <summary>Tests shrink times to seconds, so the lower bounds are small; the upper ones catch a unit mistake (ms for s).</summary>
    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(OfflineAfterSeconds, 1, 86_400)
        .Range(UnstablePowerLosses, 1, 1_000)
        .Range(UnstablePowerWindowHours, 0.001, 24 * 31)
        .Range(CompletionTimeoutSeconds, 1, 86_400)
        .Range(SettleWithinHours, 0.001, 24 * 31)
        .Range(AuthorizationExpiryWarningDays, 0.001, 365)
        .Range(StoreWideShare, 0.01, 1)
        .Range(StoreWideMinimumTerminals, 1, 10_000)
        .Range(StoreWideSpanSeconds, 1, 86_400)
        .Range(BatteryWeakRuntimeMinutes, 1, 1_440)
        .ToList();
}
