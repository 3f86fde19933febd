using FleetOps.Core.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// CSV exports of what the grids show, with the same filters, in the reader's language: <c>lang=zh-CN|en</c>, else the
/// request's culture (saved choice, <c>Accept-Language</c>, <c>FleetOps:DefaultCulture</c>); times and the file name
/// follow <see cref="ExportTime"/> (<c>tz=</c> an IANA zone: the viewer's).
/// </summary>
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
        IReaderLanguage language,
        string? connectivity = null, string? power = null, string? software = null, string? store = null,
        string? model = null, string? version = null, string? search = null, string? lang = null, string? tz = null)
    {
        var filter = new ListFilter();
        var query = TerminalListQuery.Read(filter, connectivity, power, software, store, model, version, search) with { PageSize = int.MaxValue };
        var chosen = filter.OneOf("lang", lang, language.Names);
        var viewer = filter.TimeZone("tz", tz);
        if (filter.HasErrors) return filter.Problem();
        if (chosen is not null) language.Use(chosen);
        var scope = access.Scope(context.User);
        var rows = query.Sort(query.Filter(scope.Terminals(fleet, stores))).ToList();
        var times = new ExportTime(stores, scope);
        var csv = TerminalCsv.Write(rows, stores, language, times, fleet.TargetFor);
        var name = times.FileName("terminals", time.GetUtcNow(), rows.Select(t => t.StoreCode), query.Stores, viewer);
        return Results.File(CsvText.Bytes(csv), "text/csv; charset=utf-8", name);
    }
}
