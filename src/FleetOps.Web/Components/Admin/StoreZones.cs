using System.Globalization;

namespace FleetOps.Web.Components.Admin;

/// <summary>The IANA time zones a store can count its days in, as the store form offers them.</summary>
public static class StoreZones
{
    public const string Default = "Asia/Shanghai";

    /// <summary>IANA ids only (the rule FleetOps keeps, whatever the server's own naming), in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Ids containing the typed text (any part: "shang", "asia/", "london"); everything when nothing is typed.</summary>
    public static IEnumerable<string> Matching(string? typed) => string.IsNullOrWhiteSpace(typed)
        ? All
        : All.Where(z => z.Contains(typed.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The zone's offset now ("UTC+08:00"), so people can tell zones apart by what matters to them.</summary>
    public static string Offset(string zone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info)) return "";
        var offset = info.GetUtcOffset(DateTimeOffset.UtcNow);
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}
