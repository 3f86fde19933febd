using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>
/// Maintenance figures of a period (FleetOps addition): planned (work of any origin due in the period, or done in it),
/// done (the part of it done in the period), done on time (and its share of the planned work that can be judged, in per
/// cent, one decimal, never above 100; null when there is none), overdue now, and alert → done over <c>alertToDone</c> done work raised from an
/// alert, in whole minutes (null when none).
/// </summary>
public sealed record KpiFiguresDto(int Planned, int Done, int DoneOnTime, double? OnTimePercent, int OverdueNow, int AlertToDone,
    long? MeanAlertToDoneMinutes, long? MedianAlertToDoneMinutes)
{
    public static KpiFiguresDto From(KpiFigures f) => new(f.Planned, f.Done, f.DoneOnTime, f.OnTimeRate is { } rate ? Math.Round(rate * 100, 1) : null,
        f.OverdueNow, f.AlertToDone.Count, Minutes(f.MeanAlertToDone), Minutes(f.MedianAlertToDone));

    private static long? Minutes(TimeSpan? span) => span is { } s ? (long)Math.Round(s.TotalMinutes) : null;
}
