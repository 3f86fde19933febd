namespace FleetOps.Core.Maintenance;

/// <summary>
/// The maintenance figures of a period for a set of work orders (all of a person's, a region's, a technician's):
/// planned work due in the period, work done in it and how much of that before its due time, work overdue now, and how
/// long alert-raised work took from the alert's opening to done (<see cref="AlertToDone"/>, shortest first).
/// </summary>
public sealed record KpiFigures(int Planned, int Done, int DoneOnTime, int OverdueNow, IReadOnlyList<TimeSpan> AlertToDone)
{
    public static KpiFigures None { get; } = new(0, 0, 0, 0, []);

    /// <summary>The share of the work done in the period that was done by its due time; null when nothing was done.</summary>
    public double? OnTimeRate => Done == 0 ? null : (double)DoneOnTime / Done;

    public TimeSpan? MeanAlertToDone => AlertToDone.Count == 0 ? null : TimeSpan.FromTicks(AlertToDone.Sum(t => t.Ticks) / AlertToDone.Count);

    /// <summary>
    /// The middle one (the mean of the two middle ones for an even count): one visit left for weeks would drag the mean
    /// far from what a typical alert waits, so both are shown.
    /// </summary>
    public TimeSpan? MedianAlertToDone => AlertToDone.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => AlertToDone[n / 2],
        var n => TimeSpan.FromTicks((AlertToDone[n / 2 - 1].Ticks + AlertToDone[n / 2].Ticks) / 2),
    };
}
