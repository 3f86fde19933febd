namespace FleetOps.Core.Detection;

/// <summary>
/// Software compliance of docs/api.md §3: below the model's minimum is unsupported, below its target outdated. A reported
/// version that cannot be ordered (<see cref="SoftwareVersion.TryParse"/>) is <c>unknown</c>, never compared as text;
/// <see cref="UnknownReason"/> says why, for the terminal page.
/// </summary>
public static class SoftwareComplianceRule
{
    public static SoftwareStatus Evaluate(string? appVersion, string? firmwareVersion, SoftwareTarget? target)
    {
        if (target is null
            || !SoftwareVersion.TryParse(appVersion, out var app, out _)
            || !SoftwareVersion.TryParse(firmwareVersion, out var firmware, out _)
            || !SoftwareVersion.TryParse(target.AppVersion, out var targetApp, out _)
            || !SoftwareVersion.TryParse(target.FirmwareVersion, out var targetFirmware, out _))
        {
            return SoftwareStatus.Unknown;
        }
        if (SoftwareVersion.ParseOrNull(target.MinimumAppVersion) is { } minimum && app.CompareTo(minimum) < 0)
        {
            return SoftwareStatus.Unsupported;
        }
        return app.CompareTo(targetApp) < 0 || firmware.CompareTo(targetFirmware) < 0
            ? SoftwareStatus.Outdated
            : SoftwareStatus.Current;
    }

    /// <summary>Why the status is unknown (in English; the UI translates the known patterns), or null when it is not.</summary>
    public static string? UnknownReason(string? appVersion, string? firmwareVersion, SoftwareTarget? target)
    {
        if (target is null) return "no target is set for this model";
        if (!SoftwareVersion.TryParse(appVersion, out _, out var app)) return $"app version: {app}";
        if (!SoftwareVersion.TryParse(firmwareVersion, out _, out var firmware)) return $"firmware version: {firmware}";
        return null;
    }
}
