namespace FleetOps.Core.Detection;

/// <summary>Detection thresholds, bound from <c>FleetOps:Detection</c> (PROTOCOL.md §3). Defaults are production values.</summary>
public sealed class DetectionOptions
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

    public TimeSpan OfflineAfter => TimeSpan.FromSeconds(OfflineAfterSeconds);
    public TimeSpan UnstablePowerWindow => TimeSpan.FromHours(UnstablePowerWindowHours);
    public TimeSpan StoreWideSpan => TimeSpan.FromSeconds(StoreWideSpanSeconds);
}
