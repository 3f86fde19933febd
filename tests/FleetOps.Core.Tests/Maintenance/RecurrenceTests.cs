using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>Recurrence on local dates: every N days, weeks or months from an anchor, month ends kept, due times in the store's zone.</summary>
public sealed class RecurrenceTests
{
    public static TheoryData<int, RecurrenceUnit, string, int, string> Steps() => new()
    {
        { 3, RecurrenceUnit.Day, "2026-12-30", 1, "2027-01-02" },
        { 2, RecurrenceUnit.Week, "2026-12-01", 3, "2027-01-12" },
        { 1, RecurrenceUnit.Month, "2027-01-31", 1, "2027-02-28" },
        { 1, RecurrenceUnit.Month, "2028-01-31", 1, "2028-02-29" }, // leap year
        { 1, RecurrenceUnit.Month, "2027-01-31", 2, "2027-03-31" }, // the anchor day comes back, not Mar 28
        { 1, RecurrenceUnit.Month, "2027-01-31", 3, "2027-04-30" },
        { 3, RecurrenceUnit.Month, "2026-11-30", 1, "2027-02-28" },
        { 12, RecurrenceUnit.Month, "2028-02-29", 1, "2029-02-28" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Occurrence_is_counted_from_the_anchor(int count, RecurrenceUnit unit, string anchor, int steps, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), new Recurrence(count, unit).Occurrence(DateOnly.Parse(anchor), steps));

    [Fact]
    public void Between_lists_month_ends_without_drifting()
    {
        var dates = new Recurrence(1, RecurrenceUnit.Month).Between(new DateOnly(2027, 1, 31), new DateOnly(2027, 1, 1), new DateOnly(2027, 5, 31));

        Assert.Equal(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"], dates.Select(d => d.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData(1, RecurrenceUnit.Day)]
    [InlineData(2, RecurrenceUnit.Week)]
    [InlineData(1, RecurrenceUnit.Month)]
    public void Between_ends_where_the_calendar_ends(int count, RecurrenceUnit unit)
    {
        var dates = new Recurrence(count, unit).Between(new DateOnly(9999, 11, 30), new DateOnly(9999, 12, 1), DateOnly.MaxValue).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(9999, 12, 1), DateOnly.MaxValue));
    }

    public static TheoryData<string, string, string, string> DueTimes() => new()
    {
        // zone, local date, local time, expected instant (with the zone's offset that day)
        { "Asia/Shanghai", "2027-03-28", "17:00", "2027-03-28T17:00:00+08:00" },
        { "Europe/London", "2027-03-27", "17:00", "2027-03-27T17:00:00+00:00" }, // before the clocks go forward
        { "Europe/London", "2027-03-28", "17:00", "2027-03-28T17:00:00+01:00" }, // after: the same local time
        { "Europe/London", "2027-03-28", "01:30", "2027-03-28T02:30:00+01:00" }, // skipped hour: moved on by the gap
        { "Europe/London", "2027-10-31", "01:30", "2027-10-31T01:30:00+01:00" }, // happens twice: the first
        { "America/New_York", "2027-11-07", "09:00", "2027-11-07T09:00:00-05:00" },
        { "America/New_York", "2027-11-06", "09:00", "2027-11-06T09:00:00-04:00" },
    };

    [Theory]
    [MemberData(nameof(DueTimes))]
    public void The_due_time_is_local_and_daylight_saving_does_not_move_it(string zone, string date, string time, string expected)
    {
        var at = Recurrence.At(DateOnly.Parse(date), TimeOnly.Parse(time), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected), at);
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, at.Offset);
    }

    [Fact]
    public void Local_date_is_the_stores_day_not_utc()
    {
        var instant = DateTimeOffset.Parse("2027-01-31T20:00:00Z");

        Assert.Equal(new DateOnly(2027, 2, 1), Recurrence.LocalDate(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Equal(new DateOnly(2027, 1, 31), Recurrence.LocalDate(instant, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(367)]
    public void A_count_below_one_is_refused(int count) => Assert.NotNull(Recurrence.Problem(count));
}
