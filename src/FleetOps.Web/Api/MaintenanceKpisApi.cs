using FleetOps.Core.Fleet;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>GET /api/v1/maintenance/kpis?from=&amp;to=&amp;region=</c> (FleetOps addition, issue 14 item 7): the KPIs of the work
/// the caller may see (<see cref="MaintenanceKpiQuery"/>, the KPI page's own rule). Values are read by the one filter
/// parser, so a bad one is a 400 naming it.
/// </summary>
public static class MaintenanceKpisApi
{
    public static IEndpointRouteBuilder MapMaintenanceKpisApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/maintenance/kpis", Get).RequireAuthorization(AccessPolicies.SignedIn).WithTags("Maintenance").WithName("MaintenanceKpis")
            .WithSummary("Planned vs done per day (per week beyond 31 days), overdue, on-time rate and alert → done, per region and technician, of the caller's work (FleetOps addition)")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<Ok<KpiReportDto>, ValidationProblem>> Get(MaintenanceBook book, MaintenanceService service, StoreDirectory stores,
        UserDirectory users, TimeProvider time, HttpContext context, AccessResolver access, string? from = null, string? to = null, string? region = null,
        CancellationToken cancellationToken = default)
    {
        var filter = new ListFilter();
        var now = time.GetUtcNow();
        var query = new MaintenanceKpiQuery { From = filter.Instant("from", from), To = filter.Instant("to", to), Region = filter.Text("region", region) };
        var end = query.To ?? now;
        if (query.From is { } start && start >= end) filter.Fail(query.To is null ? "from" : "to", "The period must end after it starts ('to' after 'from'; 'to' defaults to now).");
        else if (query.From is { } first && end - first > MaintenanceKpiQuery.MaxPeriod) filter.Fail("from", "The period may be at most 366 days long.");
        if (filter.HasErrors) return filter.Problem();
        var report = await query.RunAsync(book, service, WorkOrdersApi.Actor(access, context), stores, now, cancellationToken);
        return TypedResults.Ok(KpiReportDto.Of(report, users));
    }
}
