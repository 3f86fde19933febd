using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>
/// Which booking dates an import accepts: up to tomorrow in the stores' time (the zone furthest ahead) and back to
/// <c>MaxBookingAgeDays</c> before today (the zone furthest behind); the calendar's ends never.
/// </summary>
public sealed class BookingDaysTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");

    // 20:00 UTC on 5 December: already the 6th in Shanghai, still the 5th in Honolulu.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Range_runs_from_the_earliest_stores_today_less_the_age_to_the_latest_stores_tomorrow()
    {
        var days = BookingDays.At(Now, [Shanghai, Honolulu], 366);

        Assert.Equal((new DateOnly(2025, 12, 4), new DateOnly(2026, 12, 7)), (days.Earliest, days.Latest));
        Assert.Null(days.Problem("date", new DateOnly(2026, 12, 7)));
        Assert.Null(days.Problem("date", new DateOnly(2025, 12, 4)));
    }

    [Fact]
    public void A_store_without_a_known_zone_counts_in_utc()
    {
        var days = BookingDays.At(Now, [null], 30);

        Assert.Equal((new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 6)), (days.Earliest, days.Latest));
    }

    [Theory]
    [InlineData("9999-12-31", "'Buchungsdatum' is later than 2026-12-07, tomorrow in the stores' time: a booking date cannot lie in the future.")]
    [InlineData("2026-12-08", "'Buchungsdatum' is later than 2026-12-07, tomorrow in the stores' time: a booking date cannot lie in the future.")]
    [InlineData("2025-12-03", "'Buchungsdatum' is earlier than 2025-12-04: booking dates more than 366 days old are not matched.")]
    [InlineData("0001-01-01", "'Buchungsdatum' is earlier than 2025-12-04: booking dates more than 366 days old are not matched.")]
    public void Dates_outside_are_refused_naming_the_column_as_the_report_heads_it(string date, string expected)
    {
        var days = BookingDays.At(Now, [Shanghai, Honolulu], 366);

        Assert.Equal(expected, days.Problem("Buchungsdatum", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
