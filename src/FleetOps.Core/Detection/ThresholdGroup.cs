namespace FleetOps.Core.Detection;

/// <summary>How the settings page groups the thresholds an administrator may change.</summary>
public enum ThresholdGroup
{
    Offline,
    Power,
    StoreWide,
    Battery,
}
