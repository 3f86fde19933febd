using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>GET /api/v1/success-rate?store=&amp;region=&amp;days=</c> (a FleetOps addition, docs/api.md): sales started and
/// completed and operator-caused failures per day and per store, within the caller's scope — the figures of the
/// success-rate page, from the same report.
/// </summary>
public static class SuccessRateApi
{
    public static IEndpointRouteBuilder MapSuccessRateApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Transactions")
            .MapGet("/success-rate", Get).WithName("GetSuccessRate");
        return app;
    }

    public static Results<Ok<SuccessRateDto>, ValidationProblem> Get(SaleHistory history, StoreDirectory stores, TimeProvider time,
        HttpContext context, AccessResolver access, string? store = null, string? region = null, string? days = null)
    {
        var filter = new ListFilter();
        var allowed = filter.Stores(store, access.Scope(context.User), stores);
        var chosenRegion = filter.Text("region", region);
        var window = SuccessRateReport.DefaultDays;
        if (!string.IsNullOrWhiteSpace(days) && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out window)
                                  && window is >= 1 and <= SuccessRateReport.MaxDays))
        {
            filter.Fail("days", $"'days' must be a whole number from 1 to {SuccessRateReport.MaxDays}.");
        }
        if (filter.HasErrors) return filter.Problem();
        var oneStore = allowed is { Count: 1 } && !string.IsNullOrWhiteSpace(store) ? allowed.First() : null;
        var report = history.Read(tally => SuccessRateReport.Build(tally, stores, allowed, time.GetUtcNow(), chosenRegion, oneStore, window));
        return TypedResults.Ok(SuccessRateDto.Of(report));
    }
}
