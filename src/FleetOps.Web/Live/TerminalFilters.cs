using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Live;

/// <summary>Writes a grid's <see cref="TerminalQuery"/> as the query string its export link carries (read back by the API's ListFilter).</summary>
public static class TerminalFilters
{
    public static string ToQueryString(TerminalQuery q)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("connectivity", q.Connectivity?.ToWire());
        Add("power", q.Power?.ToWire());
        Add("software", q.Software?.ToWire());
        Add("store", q.Stores is { Count: > 0 } ? string.Join(',', q.Stores) : null);
        Add("model", q.Model);
        Add("version", q.AppVersion);
        Add("search", q.Search);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
