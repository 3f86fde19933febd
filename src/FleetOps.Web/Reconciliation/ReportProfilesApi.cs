using FleetOps.Web.Api;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Saved column-mapping profiles for settlement reports (issue 16, FleetOps addition, docs/api.md). Administrators only:
/// they import the reports; a profile says how to read a bank's file, nothing about any store.
/// </summary>
public static class ReportProfilesApi
{
    public static IEndpointRouteBuilder MapReportProfilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reconciliation/profiles").RequireAuthorization(AccessPolicies.Administrator).WithTags("Reconciliation")
            .DisableAntiforgery();
        api.MapGet("", List).WithName("ListReportProfiles")
            .WithSummary("The built-in generic format and every saved profile; ?acquirer= keeps one acquirer's");
        api.MapGet("/{name}", Get).WithName("GetReportProfile").WithSummary("One profile").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{name}", Put).WithName("SaveReportProfile")
            .WithSummary("Creates or replaces a profile; 400 names the required columns it leaves out, or the bad field")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ReportProfileDto>>> List(ReportProfiles profiles, CancellationToken cancellationToken, string? acquirer = null) =>
        TypedResults.Ok<IReadOnlyList<ReportProfileDto>>((await profiles.ListAsync(acquirer, cancellationToken)).Select(ReportProfileDto.From).ToList());

    public static async Task<Results<Ok<ReportProfileDto>, ProblemHttpResult>> Get(string name, ReportProfiles profiles, CancellationToken cancellationToken) =>
        await profiles.FindAsync(name, cancellationToken) is { } profile
            ? TypedResults.Ok(ReportProfileDto.From(profile))
            : TypedResults.Problem(title: "Not found", detail: TextRules.Problem("name", name) is null ? $"No report profile {name}." : "No such report profile.",
                statusCode: StatusCodes.Status404NotFound); // a name that may hold a card number is not echoed

    public static async Task<Results<Ok<ReportProfileDto>, ValidationProblem>> Put(string name, ReportProfileRequest request, ReportProfiles profiles,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var draft = new ReportProfileDraft(name, request.Columns, request.DateFormat, request.AmountsInMajorUnits, request.TypeWords);
        var (profile, errors) = await profiles.SaveAsync(request.Acquirer, draft, access.ActorName(context.User), ManagementApi.Address(context),
            cancellationToken);
        return profile is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ReportProfileDto.From(profile));
    }
}
