using System.Globalization;

namespace FleetOps.Web.Live;

/// <summary>Culture-free time formats for exports and logs; pages use the culture's (<c>Localization/UiFormat</c>).</summary>
public static class LiveFormat
{
    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A time as the store's staff read it: in the store's own time zone (falls back to the offset given).</summary>
    public static string InZone(DateTimeOffset at, string? timeZone) => Timestamp(ToZone(at, timeZone));

    /// <summary>The same instant in the store's own time zone (unchanged when the zone is unknown).</summary>
    public static DateTimeOffset ToZone(DateTimeOffset at, string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at;
}
