namespace FleetOps.Core.Maintenance;

/// <summary>
/// The maintenance figures of a period for a set of work orders (all of a person's, a region's, a technician's): the
/// work due in the period (or done in it), the part of it done in the period and how much of that by its due time, work
/// overdue now, and how long alert-raised work took from the alert's opening to done (<see cref="AlertToDone"/>, shortest
/// first).
/// </summary>
public sealed record KpiFigures(int Planned, int Done, int DoneOnTime, int OverdueNow, IReadOnlyList<TimeSpan> AlertToDone)
{
    public static KpiFigures None { get; } = new(0, 0, 0, 0, []);

    /// <summary>
    /// Of <see cref="Planned"/>, the work still open and not yet due (only in a period that ends ahead of now): it can be
    /// neither on time nor late yet, so <see cref="OnTimeRate"/> leaves it out.
    /// </summary>
    public int Ahead { get; init; }

    /// <summary>
    /// The share of the planned work done by its due time, of the planned work that can be judged (done, or already due);
    /// null when there is none. Done is part of planned, so it is never above 1.
    /// </summary>
    public double? OnTimeRate => Planned - Ahead <= 0 ? null : (double)DoneOnTime / (Planned - Ahead);

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
