namespace FleetOps.Core.Detection;

/// <summary>Software compliance of docs/api.md §3: below the model's minimum is unsupported, below its target outdated.</summary>
public static class SoftwareComplianceRule
{
    public static SoftwareStatus Evaluate(string? appVersion, string? firmwareVersion, SoftwareTarget? target)
    {
        if (target is null || appVersion is null || firmwareVersion is null)
        {
            return SoftwareStatus.Unknown;
        }
        if (target.MinimumAppVersion is not null && SoftwareVersion.Compare(appVersion, target.MinimumAppVersion) < 0)
        {
            return SoftwareStatus.Unsupported;
        }
        return SoftwareVersion.Compare(appVersion, target.AppVersion) < 0
               || SoftwareVersion.Compare(firmwareVersion, target.FirmwareVersion) < 0
            ? SoftwareStatus.Outdated
            : SoftwareStatus.Current;
    }
}
