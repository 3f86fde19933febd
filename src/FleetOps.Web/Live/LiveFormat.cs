using System.Globalization;

namespace FleetOps.Web.Live;

/// <summary>Small formatting rules shared by pages and exports.</summary>
public static class LiveFormat
{
    /// <summary>"just now", "2 min ago", "3 h ago", "4 d ago" — how a manager reads "last seen".</summary>
    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } time) return "never";
        var age = now - time;
        if (age < TimeSpan.FromSeconds(10)) return "just now";
        if (age < TimeSpan.FromMinutes(1)) return $"{(int)age.TotalSeconds} s ago";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes} min ago";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h ago";
        return $"{(int)age.TotalDays} d ago";
    }

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A time as the store's staff read it: in the store's own time zone (falls back to the offset given).</summary>
    public static string InZone(DateTimeOffset at, string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? Timestamp(TimeZoneInfo.ConvertTime(at, zone))
            : Timestamp(at);
}
