using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Live;

/// <summary>
/// Writes a grid's <see cref="TerminalQuery"/> as query parameters: the ones its export link carries and the ones the
/// terminals page keeps in its address — both read back by the API's ListFilter (<c>TerminalListQuery</c>).
/// </summary>
public static class TerminalFilters
{
    /// <summary>Every filter parameter, null where the filter is not set.</summary>
    public static IReadOnlyDictionary<string, string?> Parameters(TerminalQuery q) => new Dictionary<string, string?>
    {
        ["connectivity"] = q.Connectivity?.ToWire(),
        ["power"] = q.Power?.ToWire(),
        ["software"] = q.Software?.ToWire(),
        ["store"] = q.Stores is { Count: > 0 } ? string.Join(',', q.Stores) : null,
        ["model"] = q.Model,
        ["version"] = q.AppVersion,
        ["search"] = q.Search,
    };

    public static string ToQueryString(TerminalQuery q)
    {
        var parts = Parameters(q).Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
