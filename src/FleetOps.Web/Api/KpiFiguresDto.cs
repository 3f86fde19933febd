using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>
/// Maintenance figures of a period (FleetOps addition): planned, done, done on time (and its share in per cent, one
/// decimal; null when nothing was done), overdue now, and alert → done over <c>alertToDone</c> done work raised from an
/// alert, in whole minutes (null when none).
/// </summary>
public sealed record KpiFiguresDto(int Planned, int Done, int DoneOnTime, double? OnTimePercent, int OverdueNow, int AlertToDone,
    long? MeanAlertToDoneMinutes, long? MedianAlertToDoneMinutes)
{
    public static KpiFiguresDto From(KpiFigures f) => new(f.Planned, f.Done, f.DoneOnTime, f.OnTimeRate is { } rate ? Math.Round(rate * 100, 1) : null,
        f.OverdueNow, f.AlertToDone.Count, Minutes(f.MeanAlertToDone), Minutes(f.MedianAlertToDone));

    private static long? Minutes(TimeSpan? span) => span is { } s ? (long)Math.Round(s.TotalMinutes) : null;
}
