using FleetOps.Web.Api;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Security;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The reconciliation figures for readers (issue 16 items 4–5, FleetOps additions, docs/api.md): the acquirer scorecard
/// and the exceptions export in the acquirer's own layout. Scoped like every list: a store manager's figures are their
/// stores' sales and lines.
/// </summary>
public static class ReconciliationFiguresApi
{
    /// <summary>Enough for a support desk's ticket; the page shows the newest, the export up to this many.</summary>
    public const int MaxExported = 50_000;

    public static IEndpointRouteBuilder MapReconciliationFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reconciliation/scorecard", Scorecard).WithName("AcquirerScorecard").WithTags("Reconciliation")
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithSummary("Per acquirer over the last 90 days (?days=1..366): credit delay median/p95, never credited or wrong, fees")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
        app.MapGet("/export/reconciliation-exceptions.csv", ExportExceptions).WithName("ExportReconciliationExceptions").WithTags("Exports")
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithSummary("The exceptions of one acquirer in its own report layout (its profile's headers and formats), for its support desk")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> Scorecard(ReconciliationFigures figures, StoreDirectory stores, TimeProvider time, HttpContext context,
        AccessResolver access, CancellationToken cancellationToken, string? days = null, string? acquirer = null, string? store = null)
    {
        var filter = new ListFilter();
        var count = Days(filter, days, AcquirerScorecard.DefaultDays);
        var (window, problem) = Window(filter, stores, access, context, time, count, acquirer, store);
        if (problem is not null) return problem;
        var view = await figures.ReadAsync(access.Scope(context.User), window!, 0, cancellationToken);
        return TypedResults.Ok(new { from = window!.From, through = window.Through, acquirers = view.Scorecard.Select(AcquirerScoreDto.From) });
    }

    public static async Task<IResult> ExportExceptions(ReconciliationFigures figures, ReportProfiles profiles, StoreDirectory stores, TimeProvider time,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken, string? acquirer = null, string? store = null, string? days = null)
    {
        var filter = new ListFilter();
        if (string.IsNullOrWhiteSpace(acquirer)) filter.Fail("acquirer", "'acquirer' is required: the export is written in that acquirer's layout.");
        var count = Days(filter, days, 30);
        var (window, problem) = Window(filter, stores, access, context, time, count, acquirer?.Trim(), store);
        if (problem is not null) return problem;
        var scope = access.Scope(context.User);
        var view = await figures.ReadAsync(scope, window!, MaxExported, cancellationToken);
        var profile = await profiles.OfAcquirerAsync(window!.Acquirer!, cancellationToken);
        var csv = ExceptionsCsv.Write(view.Exceptions, profile.Layout);
        var name = new ExportTime(stores, scope).FileName($"{window.Acquirer}-exceptions", time.GetUtcNow(), view.Exceptions.Select(e => e.StoreCode ?? ""),
            window.Store is null ? null : [window.Store], null);
        return Results.File(CsvText.Bytes(csv), "text/csv; charset=utf-8", name);
    }

    private static (ReconciliationFilter? Window, IResult? Problem) Window(ListFilter filter, StoreDirectory stores, AccessResolver access, HttpContext context,
        TimeProvider time, int days, string? acquirer, string? store)
    {
        var scope = access.Scope(context.User);
        var chosen = filter.Text("store", store);
        if (acquirer is not null && !RegistrationRules.IsAcquirerName(acquirer)) filter.Fail("acquirer", RegistrationRules.AcquirerNameProblem);
        if (filter.HasErrors) return (null, filter.Problem());
        return (ReconciliationWindow.Last(days, time.GetUtcNow(), stores, scope, acquirer, chosen), null);
    }

    private static int Days(ListFilter filter, string? days, int byDefault)
    {
        if (days is null) return byDefault;
        if (int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 366)
            return count;
        filter.Fail("days", "'days' is a whole number from 1 to 366.");
        return byDefault;
    }
}
