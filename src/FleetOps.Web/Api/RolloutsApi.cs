using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// Staged rollouts (docs/api.md §7). Administrators create, advance, halt and resume them (audited); anyone signed in reads
/// the rollouts that reach their stores, counted over their stores' terminals only. The list is a FleetOps addition.
/// </summary>
public static class RolloutsApi
{
    public static IEndpointRouteBuilder MapRolloutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/software/rollouts").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Software").DisableAntiforgery();
        api.MapPost("", Create).WithName("CreateRollout").RequireAuthorization(AccessPolicies.Administrator)
            .WithSummary("Starts a staged rollout; its first wave starts now, and it supersedes the model's running one (administrators)")
            .WithDescription("400 with the reason: an unorderable version, a model with no terminals, an unknown store, a wave with no terminals.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("", List).WithName("ListRollouts").WithSummary("Rollouts that reach the caller's stores, newest first (FleetOps addition)");
        api.MapGet("/{id:long}", Get).WithName("GetRollout").ProducesProblem(StatusCodes.Status404NotFound);
        MapCommand(api, "advance", "AdvanceRollout", "Starts the next wave, or completes the rollout after its last (409 when halted or completed)",
            (s, id, actor, address, ct) => s.AdvanceAsync(id, actor, address, ct));
        MapCommand(api, "halt", "HaltRollout", "Stops starting waves (409 unless running)", (s, id, actor, address, ct) => s.HaltAsync(id, actor, address, ct));
        MapCommand(api, "resume", "ResumeRollout", "Runs a halted rollout again; the failures seen so far no longer halt it (409 unless halted)",
            (s, id, actor, address, ct) => s.ResumeAsync(id, actor, address, ct));
        return app;
    }

    public static async Task<Results<Created<RolloutCreated>, ProblemHttpResult>> Create(
        CreateRolloutRequest request, RolloutService rollouts, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        // A wave written as null names neither 'stores' nor 'percent': the service refuses it by its number, as it does '{}'.
        var waves = request.Waves?.Select(w => new WaveSpec(w?.Stores, w?.Percent)).ToList();
        var result = await rollouts.CreateAsync(
            new RolloutRequest(request.Model, request.AppVersion, request.FirmwareVersion, waves, request.HaltWhenFailedPercent, request.AdvanceWhenInstalledPercent),
            access.ActorName(context.User), ManagementApi.Address(context), cancellationToken);
        return result.Rollout is { } created
            ? TypedResults.Created($"/api/v1/software/rollouts/{created.Id}", new RolloutCreated(created.Id))
            : Refused(result);
    }

    public static Ok<PagedResult<RolloutDto>> List(RolloutBook book, FleetState fleet, StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        var scope = access.Scope(context.User);
        var visible = RolloutBook.Visible(scope, stores);
        var items = book.All.Where(r => RolloutBook.Reaches(r, fleet, visible))
            .Select(r => RolloutDto.From(r, fleet, visible, RolloutBook.VisibleStore(scope, stores))).ToList();
        return TypedResults.Ok(new PagedResult<RolloutDto>(items, items.Count));
    }

    public static Results<Ok<RolloutDto>, ProblemHttpResult> Get(long id, RolloutBook book, FleetState fleet, StoreDirectory stores,
        HttpContext context, AccessResolver access)
    {
        var scope = access.Scope(context.User);
        var visible = RolloutBook.Visible(scope, stores);
        return book.Get(id) is { } rollout && RolloutBook.Reaches(rollout, fleet, visible)
            ? TypedResults.Ok(RolloutDto.From(rollout, fleet, visible, RolloutBook.VisibleStore(scope, stores)))
            : NotFound(id);
    }

    private static void MapCommand(RouteGroupBuilder api, string verb, string name, string summary,
        Func<RolloutService, long, string, string?, CancellationToken, Task<RolloutResult>> command) =>
        api.MapPost($"/{{id:long}}/{verb}", async Task<Results<Ok<RolloutDto>, ProblemHttpResult>> (long id, RolloutService rollouts, FleetState fleet,
                HttpContext context, AccessResolver access, CancellationToken cancellationToken) =>
            {
                var result = await command(rollouts, id, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken);
                return result.Rollout is { } rollout ? TypedResults.Ok(RolloutDto.From(rollout, fleet, null)) : Refused(result);
            })
            .WithName(name).WithSummary(summary).RequireAuthorization(AccessPolicies.Administrator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult Refused(RolloutResult result) => result.Error switch
    {
        RolloutError.NotFound => TypedResults.Problem(title: "Rollout not found", detail: result.Detail, statusCode: StatusCodes.Status404NotFound),
        RolloutError.Conflict => TypedResults.Problem(title: "Rollout state does not allow this", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "Invalid rollout", detail: result.Detail, statusCode: StatusCodes.Status400BadRequest),
    };

    private static ProblemHttpResult NotFound(long id) => Refused(RolloutResult.Refused(RolloutError.NotFound, $"There is no rollout {id}."));
}
