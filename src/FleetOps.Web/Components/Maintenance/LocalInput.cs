using System.Globalization;
using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// A time typed into a <c>datetime-local</c> field, read on the store's wall clock (the technician stands in the store):
/// the browser sends <c>2026-11-26T09:00</c> whatever its language, and the store's zone turns it into an instant —
/// through <see cref="Recurrence.At"/>, so a time skipped or repeated by daylight saving is settled the way plans settle it.
/// </summary>
public static class LocalInput
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm";

    public static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone) =>
        DateTime.TryParseExact(text?.Trim(), [Pattern, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Recurrence.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone)
            : null;
}
