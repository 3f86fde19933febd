using System.Globalization;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The booking days a report's lines may carry (PROTOCOL §11: <c>date</c> is the acquirer's booking date). A credit
/// cannot have been booked after tomorrow in the stores' time — one day of tolerance, the protocol's own ±1 day, for an
/// acquirer booking in a time zone ahead of the stores' — nor so long ago that no report of that age is still worth
/// matching (<see cref="ReconciliationOptions.MaxBookingAgeDays"/>). A line outside is a per-row error, so it neither
/// claims coverage (the import walks every day from the first booking day to the last, and a report reaching the year
/// 2999 proved every sale settled up to then not credited) nor makes the walk's date arithmetic leave the calendar.
/// </summary>
public sealed record BookingDays(DateOnly Earliest, DateOnly Latest, int MaxAgeDays)
{
    public const int DefaultMaxAgeDays = 366;

    /// <summary>Days after the stores' today a booking date may lie.</summary>
    public const int FutureToleranceDays = 1;

    /// <summary>
    /// The range at <paramref name="now"/> for stores in <paramref name="zones"/> (null = a store without a known zone,
    /// whose days are counted in UTC, as the import counts them): from the earliest store-local today less
    /// <paramref name="maxAgeDays"/> to the latest store-local today plus <see cref="FutureToleranceDays"/>.
    /// </summary>
    public static BookingDays At(DateTimeOffset now, IEnumerable<TimeZoneInfo?> zones, int maxAgeDays)
    {
        var todays = zones.Select(zone => DateOnly.FromDateTime(zone is null ? now.UtcDateTime : TimeZoneInfo.ConvertTime(now, zone).DateTime))
            .DefaultIfEmpty(DateOnly.FromDateTime(now.UtcDateTime)).ToList();
        return new BookingDays(todays.Min().AddDays(-maxAgeDays), todays.Max().AddDays(FutureToleranceDays), maxAgeDays);
    }

    /// <summary>Why <paramref name="day"/> cannot be a booking date, naming the column by its <paramref name="header"/>; null when it can.</summary>
    public string? Problem(string header, DateOnly day)
    {
        if (day > Latest)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'{header}' is later than {Latest:yyyy-MM-dd}, tomorrow in the stores' time: a booking date cannot lie in the future.");
        }
        if (day < Earliest)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'{header}' is earlier than {Earliest:yyyy-MM-dd}: booking dates more than {MaxAgeDays} days old are not matched.");
        }
        return null;
    }
}
