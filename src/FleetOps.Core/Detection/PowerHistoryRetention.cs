using System.Globalization;

namespace FleetOps.Core.Detection;

/// <summary>
/// How far back the power history reaches, and what that asks of the heartbeat retention. The fleet keeps power losses
/// and boot segments for <see cref="Windows"/> unstable-power windows (<see cref="Fleet.FleetState.PowerHorizon"/>), so
/// that an episode of losses linked by gaps shorter than a window can be judged whole; at start-up the boot segments
/// (reboot detection) are rebuilt from the boot rows, which the heartbeat retention deletes. A retention shorter than
/// that horizon loses reboots of the history after every restart, so the window may be at most retention / 7.
/// </summary>
public static class PowerHistoryRetention
{
    public const int Windows = 7;

    public static TimeSpan Horizon(DetectionOptions options) => options.UnstablePowerWindow * Windows;

    /// <summary>The longest window <paramref name="heartbeatHours"/> of retention can cover, in hours.</summary>
    public static double LongestWindowHours(double heartbeatHours) => heartbeatHours / Windows;

    /// <summary>
    /// What is wrong, as a sentence that starts with the window's full key (how the live settings match it to the field)
    /// and names the retention's key; null when the retention covers the window.
    /// </summary>
    public static string? Problem(DetectionOptions options, double heartbeatHours, string heartbeatKey)
    {
        if (options.UnstablePowerWindowHours * Windows <= heartbeatHours) return null;
        return $"{DetectionOptions.Section}:{nameof(DetectionOptions.UnstablePowerWindowHours)} must be at most {Text(LongestWindowHours(heartbeatHours))} "
            + $"hours while {heartbeatKey} is {Text(heartbeatHours)} (was {Text(options.UnstablePowerWindowHours)}): the power history reaches back "
            + $"{Windows} windows and needs the heartbeat boot rows for that long; keep {heartbeatKey} at least {Windows} × the window.";
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
