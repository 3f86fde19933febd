using FleetOps.Core.Fleet;
using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary><c>GET /api/v1/power/incidents</c> (docs/api.md §6), within the caller's scope like every management list.</summary>
public static class PowerApi
{
    public const int MaxPageSize = 500;

    /// <summary>The <c>state=</c> values; <c>all</c> is the default.</summary>
    public static readonly IReadOnlyList<string> States = ["open", "closed", "all"];

    public static IEndpointRouteBuilder MapPowerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/power").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Power");
        api.MapGet("/incidents", Incidents).WithName("ListStorePowerIncidents");
        return app;
    }

    public static Results<Ok<PagedResult<PowerIncidentDto>>, ValidationProblem> Incidents(
        PowerIncidents incidents, CaseBook cases, StoreDirectory stores, HttpContext context, AccessResolver access,
        string? store = null, string? state = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var wanted = filter.Stores(store, access.Scope(context.User), stores);
        var chosen = filter.OneOf("state", state, States) ?? "all";
        var paging = filter.Paging(page, pageSize, MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var matching = incidents.All(wanted)
            .Where(i => chosen == "all" || i.Incident.IsOpen == (chosen == "open"))
            .ToList();
        var items = paging.Of(matching).Select(i => PowerIncidentDto.From(i, cases)).ToList();
        return TypedResults.Ok(new PagedResult<PowerIncidentDto>(items, matching.Count));
    }
}
