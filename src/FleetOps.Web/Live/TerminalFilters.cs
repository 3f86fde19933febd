using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Live;

/// <summary>Turns query-string filters (as the grid writes them into export links) into a <see cref="TerminalQuery"/>.</summary>
public static class TerminalFilters
{
    public static TerminalQuery Parse(string? connectivity, string? power, string? software, string? store, string? model, string? version, string? search) => new()
    {
        Connectivity = Enum.TryParse<Connectivity>(connectivity, true, out var c) ? c : null,
        Power = Enum.TryParse<PowerStatus>(power, true, out var p) ? p : null,
        Software = Enum.TryParse<SoftwareStatus>(software, true, out var s) ? s : null,
        Stores = string.IsNullOrWhiteSpace(store) ? null : store.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Model = string.IsNullOrWhiteSpace(model) ? null : model,
        AppVersion = string.IsNullOrWhiteSpace(version) ? null : version,
        Search = string.IsNullOrWhiteSpace(search) ? null : search,
    };

    public static string ToQueryString(TerminalQuery q)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("connectivity", q.Connectivity?.ToString().ToLowerInvariant());
        Add("power", q.Power?.ToString().ToLowerInvariant());
        Add("software", q.Software?.ToString().ToLowerInvariant());
        Add("store", q.Stores is { Count: > 0 } ? string.Join(',', q.Stores) : null);
        Add("model", q.Model);
        Add("version", q.AppVersion);
        Add("search", q.Search);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
