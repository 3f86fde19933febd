using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

/// <summary>The terminal list's filters, read the same way by the API and by the CSV export of the grid.</summary>
public static class TerminalListQuery
{
    public static TerminalQuery Read(ListFilter filter, string? connectivity, string? power, string? software, string? store,
        string? model, string? version, string? search) => new()
    {
        Connectivity = filter.Enum<Connectivity>("connectivity", connectivity),
        Power = filter.Enum<PowerStatus>("power", power),
        Software = filter.Enum<SoftwareStatus>("software", software),
        Stores = filter.List("store", store),
        Model = filter.Text("model", model),
        AppVersion = filter.Text("version", version),
        Search = filter.Text("search", search),
    };
}
