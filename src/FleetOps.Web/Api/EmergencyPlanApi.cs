using FleetOps.Core.Wire;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// A store's emergency plan (issue 15 item 7, FleetOps addition, docs/api.md): read by anyone who sees the store, kept by
/// its managers, its regional managers and administrators — the page's rule, from <see cref="EmergencyPlanService"/>.
/// </summary>
public static class EmergencyPlanApi
{
    public static IEndpointRouteBuilder MapEmergencyPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/stores/{code}/emergency-plan").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Training")
            .DisableAntiforgery();
        api.MapGet("", Get).WithName("GetEmergencyPlan")
            .WithSummary("The store's emergency plan; the shipped template (in the reader's language) until someone saves one")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("", Put).WithName("SaveEmergencyPlan")
            .WithSummary("Saves the whole plan as its next version (the store's managers, regional managers, administrators); 400 names every field with a problem")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/review", Review).WithName("ReviewEmergencyPlan")
            .WithSummary("Records that the plan was reviewed and nothing changed (whoever may save it)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<EmergencyPlanDto>, ProblemHttpResult>> Get(string code, EmergencyPlanService plans, IReaderLanguage language,
        TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken) =>
        await plans.ReadAsync(code, WorkOrdersApi.Actor(access, context), cancellationToken) is { } plan
            ? TypedResults.Ok(EmergencyPlanDto.From(plan, language.Text, time.GetUtcNow()))
            : NotFound(code);

    public static async Task<Results<Ok<EmergencyPlanDto>, ValidationProblem, ProblemHttpResult>> Put(string code, EmergencyPlanRequest request,
        EmergencyPlanService plans, IReaderLanguage language, TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var actor = WorkOrdersApi.Actor(access, context);
        if (!plans.MaySee(code, actor)) return NotFound(code);
        var steps = new Dictionary<EmergencyProcedure, IReadOnlyList<string>?>();
        var given = request.Procedures ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (!WireNames.TryParse<EmergencyProcedure>(given[i]?.Procedure, out var procedure) || steps.ContainsKey(procedure))
                return Invalid($"procedures[{i}].procedure", $"'procedures[{i}].procedure' {WireNames.OneOf<EmergencyProcedure>()} Each at most once.");
            steps[procedure] = given[i].Steps;
        }
        var draft = new EmergencyPlanDraft(request.Hotline, request.Technician, request.Electrician, request.OtherContacts, request.UpsLocation,
            request.SpareTerminalLocation, request.PaperFormsLocation, steps, request.Version);
        var result = await plans.SaveAsync(code, draft, actor, ManagementApi.Address(context), cancellationToken);
        return Answer(result, language, time);
    }

    public static async Task<Results<Ok<EmergencyPlanDto>, ValidationProblem, ProblemHttpResult>> Review(string code, EmergencyPlanService plans,
        IReaderLanguage language, TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken, int? version = null)
    {
        var result = await plans.ReviewAsync(code, version, WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return Answer(result, language, time);
    }

    private static Results<Ok<EmergencyPlanDto>, ValidationProblem, ProblemHttpResult> Answer(MaintenanceResult<EmergencyPlan> result, IReaderLanguage language,
        TimeProvider time) =>
        result.Value is { } plan ? TypedResults.Ok(EmergencyPlanDto.From(plan, language.Text, time.GetUtcNow()))
        : result is { Error: MaintenanceError.Invalid, FieldProblems: [_, ..] problems }
            ? TypedResults.ValidationProblem(problems.ToDictionary(p => p.Field, p => new[] { p.Detail }))
        : WorkOrdersApi.Refused(result);

    private static ValidationProblem Invalid(string field, string problem) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] });

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: "Not found", detail: $"No store {code}.", statusCode: StatusCodes.Status404NotFound);
}
