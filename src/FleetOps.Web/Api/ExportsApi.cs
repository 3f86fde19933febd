using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>CSV exports of what the grids show, with the same filters.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/terminals.csv", ExportTerminals).WithName("ExportTerminals").WithTags("Exports")
            .RequireAuthorization(AccessPolicies.SignedIn);
        return app;
    }

    public static IResult ExportTerminals(
        FleetState fleet, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        string? connectivity = null, string? power = null, string? software = null, string? store = null,
        string? model = null, string? version = null, string? search = null)
    {
        var filter = new ListFilter();
        var query = TerminalListQuery.Read(filter, connectivity, power, software, store, model, version, search) with { PageSize = int.MaxValue };
        if (filter.HasErrors) return filter.Problem();
        var rows = query.Sort(query.Filter(access.Scope(context.User).Terminals(fleet, stores))).ToList();
        var csv = TerminalCsv.Write(rows, stores);
        var name = $"terminals-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
    }
}
