namespace FleetOps.Core.Maintenance;

/// <summary>
/// "Every <see cref="Count"/> <see cref="Unit"/>s", computed on local dates of the store's time zone. Occurrence k is
/// counted from the anchor, never from the previous occurrence: Jan 31 + 1 month is Feb 28 (or 29), and + 2 months is
/// Mar 31 again, not Mar 28. The due time is a local time of day, so a daylight-saving change does not move it.
/// </summary>
public sealed record Recurrence(int Count, RecurrenceUnit Unit)
{
    /// <summary>Why a recurrence cannot be kept, or null.</summary>
    public static string? Problem(int count) => count is < 1 or > 366 ? "'every.count' must be a whole number from 1 to 366." : null;

    /// <summary>The anchor moved on by <paramref name="steps"/> periods (0: the anchor itself).</summary>
    public DateOnly Occurrence(DateOnly anchor, int steps) => Unit switch
    {
        RecurrenceUnit.Day => anchor.AddDays(Count * steps),
        RecurrenceUnit.Week => anchor.AddDays(7 * Count * steps),
        _ => anchor.AddMonths(Count * steps),
    };

    /// <summary>
    /// Every occurrence from the anchor on that falls within [<paramref name="from"/>, <paramref name="through"/>]. The
    /// series also ends where the calendar does: a period through 9999-12-31 has no next occurrence to compare, and
    /// asking for one threw (the doors bound their dates too; this keeps the rule itself total).
    /// </summary>
    public IEnumerable<DateOnly> Between(DateOnly anchor, DateOnly from, DateOnly through)
    {
        for (var step = 0; ; step++)
        {
            if (!WithinCalendar(anchor, step)) yield break;
            var date = Occurrence(anchor, step);
            if (date > through) yield break;
            if (date >= from) yield return date;
        }
    }

    /// <summary>Whether occurrence <paramref name="steps"/> is a date <see cref="DateOnly"/> can hold (worked out in long).</summary>
    private bool WithinCalendar(DateOnly anchor, int steps)
    {
        var periods = (long)Count * steps;
        return Unit switch
        {
            RecurrenceUnit.Day => anchor.DayNumber + periods <= DateOnly.MaxValue.DayNumber,
            RecurrenceUnit.Week => anchor.DayNumber + 7 * periods <= DateOnly.MaxValue.DayNumber,
            _ => (anchor.Year * 12L + anchor.Month - 1) + periods <= DateOnly.MaxValue.Year * 12L + DateOnly.MaxValue.Month - 1,
        };
    }

    /// <summary>
    /// The instant of <paramref name="localTime"/> on <paramref name="date"/> in <paramref name="zone"/>. A time that does not
    /// exist that day (the hour skipped in spring) moves on by the gap; a time that happens twice (autumn) is the first.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly localTime, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToOffset(zone.GetUtcOffset(local.AddHours(3)));
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local date of an instant in <paramref name="zone"/> (what "today" is for the store).</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
