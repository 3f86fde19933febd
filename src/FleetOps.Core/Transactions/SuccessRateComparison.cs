namespace FleetOps.Core.Transactions;

/// <summary>
/// The success rate before and after a date (a training session, issue 15 items 5 and 8): the <see cref="Days"/> days
/// before it against the <see cref="Days"/> days after it, or up to today. The day itself belongs to neither side: a
/// session held at noon splits its day. The counts are always given; the comparison is <see cref="Meaningful"/> only
/// when both sides have at least <see cref="MinimumSales"/> sales, because a rate of a handful of sales moves by
/// chance and would be read as proof. Neither side reaches back before the first day the history holds
/// (<see cref="HeldFrom"/>): a session older than the history has sides with no days at all, not ranges running backwards.
/// </summary>
public sealed record SuccessRateComparison(DateOnly On, int Days, DateOnly BeforeFrom, DateOnly BeforeTo, SaleCounts Before,
    DateOnly AfterFrom, DateOnly AfterTo, SaleCounts After, DateOnly? HeldFrom = null)
{
    public const int DefaultDays = 30;
    public const int MinimumSales = 50;

    /// <summary>Both sides have enough sales for their rates to mean something.</summary>
    public bool Meaningful => Before.Started >= MinimumSales && After.Started >= MinimumSales;

    /// <summary>No day after the date has passed yet (the date is today or later).</summary>
    public bool AfterNotStarted => AfterTo <= On;

    /// <summary>Every day of the before side is older than the history (<see cref="HeldFrom"/>): nothing to count.</summary>
    public bool BeforeUnrecorded => BeforeTo < BeforeFrom;

    /// <summary>Days after the date have passed, but all of them are older than the history.</summary>
    public bool AfterUnrecorded => !AfterNotStarted && AfterTo < AfterFrom;

    /// <summary>Fewer than <see cref="Days"/> days after the date have passed: the after side is still growing.</summary>
    public bool AfterStillRunning => AfterTo < On.AddDays(Days);

    /// <summary>After minus before, in percentage points of success; null when not <see cref="Meaningful"/>.</summary>
    public double? RateChange => Meaningful ? (After.SuccessRate - Before.SuccessRate) * 100 : null;

    /// <summary>After minus before, in operator failures per 1,000 sales; null when not <see cref="Meaningful"/>.</summary>
    public double? FailuresPerThousandChange => Meaningful ? After.FailuresPerThousand - Before.FailuresPerThousand : null;

    /// <param name="on">The date compared around (the store's local date of the session).</param>
    /// <param name="perDay">Sale counts per local date of the stores compared.</param>
    /// <param name="today">The last day that may count (days after it have no sales yet).</param>
    /// <param name="heldFrom">The first day the history holds: the before side starts no earlier.</param>
    public static SuccessRateComparison Around(DateOnly on, Func<DateOnly, SaleCounts> perDay, DateOnly today,
        int days = DefaultDays, DateOnly? heldFrom = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var beforeFrom = Later(on.AddDays(-days), heldFrom);
        var beforeTo = on.AddDays(-1);
        var afterFrom = Later(on.AddDays(1), heldFrom);
        var afterTo = on.AddDays(days) < today ? on.AddDays(days) : today;
        return new SuccessRateComparison(on, days, beforeFrom, beforeTo, Sum(perDay, beforeFrom, beforeTo),
            afterFrom, afterTo, Sum(perDay, afterFrom, afterTo), heldFrom);
    }

    private static DateOnly Later(DateOnly day, DateOnly? other) => other is { } o && o > day ? o : day;

    private static SaleCounts Sum(Func<DateOnly, SaleCounts> perDay, DateOnly from, DateOnly to)
    {
        var sum = default(SaleCounts);
        for (var day = from; day <= to; day = day.AddDays(1)) sum += perDay(day);
        return sum;
    }
}
