using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// Preventive plans and checklists (docs/api.md §8), the FleetOps additions the pages need (a template's new version, a
/// plan's occurrences ahead, the calendar feed token), and the feed itself, <c>GET /calendar/{feedToken}.ics</c>, whose
/// token is its only credential.
/// </summary>
public static class MaintenanceApi
{
    public static IEndpointRouteBuilder MapMaintenanceApi(this IEndpointRouteBuilder app)
    {
        app.MapWorkOrdersApi();
        app.MapMaintenanceKpisApi();
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Maintenance").DisableAntiforgery();
        api.MapPost("/maintenance/plans", CreatePlan).WithName("CreateMaintenancePlan")
            .WithSummary("Creates a preventive plan for a store, a model (administrators) or chosen terminals; its first work orders are generated at once")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/maintenance/plans/{id:long}", EditPlan).WithName("EditMaintenancePlan")
            .WithSummary("Edits a plan (not what it covers); untouched future work orders it generated follow, those off a new schedule are cancelled (FleetOps addition)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/maintenance/plans/{id:long}/end", EndPlan).WithName("EndMaintenancePlan")
            .WithSummary("Ends a plan: it generates no more work orders; those it made stay (who may create the plan, FleetOps addition)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/maintenance/plans", ListPlans).WithName("ListMaintenancePlans").WithSummary("Plans that reach the caller's stores");
        api.MapGet("/maintenance/plans/{id:long}/occurrences", Occurrences).WithName("PlanOccurrences")
            .WithSummary("A plan's occurrences between two local dates (default: the next 90 days), with their work orders once generated (FleetOps addition)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/checklists", (MaintenanceBook book) => TypedResults.Ok(book.Templates.Select(ChecklistDto.From).ToList()))
            .WithName("ListChecklists").WithSummary("The newest version of every checklist template");
        api.MapPut("/checklists/{key}", SaveChecklist).WithName("SaveChecklist").RequireAuthorization(AccessPolicies.Administrator)
            .WithSummary("Saves a checklist template as its next version; open and finished work keep theirs (administrators, FleetOps addition)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/calendar/feed", CreateFeed).WithName("CreateCalendarFeed")
            .WithSummary("A new calendar feed address for the caller's own bookings, replacing the old one (shown once; FleetOps addition)");
        api.MapDelete("/calendar/feed", RevokeFeed).WithName("RevokeCalendarFeed").WithSummary("Ends the caller's calendar feed (FleetOps addition)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/calendar/{feedToken}.ics", Feed).AllowAnonymous().WithTags("Maintenance").WithName("CalendarFeed")
            .WithSummary("A technician's bookings as iCalendar (text/calendar); the token is the credential, 404 once revoked")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<PlanDto>, ProblemHttpResult>> CreatePlan(PlanRequest request, PlanService plans, HttpContext context,
        AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await plans.CreateAsync(Draft(request), WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } plan
            ? TypedResults.Created($"/api/v1/maintenance/plans/{plan.Id}", PlanDto.From(plan))
            : WorkOrdersApi.Refused(result);
    }

    /// <summary>The plan as <c>GET</c> lists it to this caller (their terminals only), as the list would show it next.</summary>
    public static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> EditPlan(long id, PlanRequest request, PlanService plans, HttpContext context,
        AccessResolver access, FleetOps.Core.Fleet.FleetState fleet, FleetOps.Core.Fleet.StoreDirectory stores, CancellationToken cancellationToken)
    {
        var result = await plans.EditAsync(id, Draft(request), WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } plan ? TypedResults.Ok(PlanDto.From(plan, Visible(access.Scope(context.User), fleet, stores))) : WorkOrdersApi.Refused(result);
    }

    private static PlanDraft Draft(PlanRequest request) => new(request.Name, request.StoreCode, request.Model, request.TerminalIds, request.Checklist,
        request.Every?.Count, request.Every?.Unit, request.Basis, request.StartsOn, request.Kind, request.Priority, request.DueTime, request.EstimatedMinutes,
        request.DefaultTechnician);

    /// <summary>The terminals a plan lists to the caller (null: all).</summary>
    private static Func<string, bool>? Visible(FleetOps.Core.Access.AccessScope scope, FleetOps.Core.Fleet.FleetState fleet, FleetOps.Core.Fleet.StoreDirectory stores) =>
        scope.Everything ? null : id => scope.AllowsTerminal(fleet.Get(id), stores);

    public static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> EndPlan(long id, PlanService plans, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken)
    {
        var result = await plans.EndAsync(id, WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } plan ? TypedResults.Ok(PlanDto.From(plan)) : WorkOrdersApi.Refused(result);
    }

    public static Ok<PagedResult<PlanDto>> ListPlans(MaintenanceBook book, PlanService plans, FleetOps.Core.Fleet.FleetState fleet,
        FleetOps.Core.Fleet.StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        var scope = access.Scope(context.User);
        var visible = Visible(scope, fleet, stores);
        var items = book.Plans.Where(p => plans.Reaches(p, scope)).Select(p => PlanDto.From(p, visible)).ToList();
        return TypedResults.Ok(new PagedResult<PlanDto>(items, items.Count));
    }

    public static Results<Ok<PagedResult<OccurrenceDto>>, ValidationProblem, ProblemHttpResult> Occurrences(long id, MaintenanceBook book, PlanService plans,
        FleetOps.Core.Fleet.StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access, string? from = null, string? to = null)
    {
        var scope = access.Scope(context.User);
        var plan = book.Plan(id);
        var subjects = plan is null ? [] : plans.Subjects(plan).Where(s => scope.AllowsStore(s.StoreCode, stores)).ToList();
        if (plan is null || subjects.Count == 0)
            return TypedResults.Problem(title: "Not found", detail: $"There is no plan {id} among your stores' plans.", statusCode: 404);
        var filter = new ListFilter();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = filter.Date("from", from) ?? today;
        var last = filter.Date("to", to) ?? first.AddDays(90);
        if (last < first || last.DayNumber - first.DayNumber > 366) filter.Fail("to", "'to' must be from 'from' to a year after it.");
        if (filter.HasErrors) return filter.Problem();
        var items = plans.Visits(plan, subjects, first, last)
            .Select(v => new OccurrenceDto(v.StoreCode, v.TerminalId, v.Date, v.DueAt, v.WorkOrderId)).ToList();
        return TypedResults.Ok(new PagedResult<OccurrenceDto>(items, items.Count));
    }

    public static async Task<Results<Ok<ChecklistDto>, ProblemHttpResult>> SaveChecklist(string key, ChecklistRequest request, PlanService plans,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await plans.SaveTemplateAsync(key, request.Title, request.Items, WorkOrdersApi.Actor(access, context), ManagementApi.Address(context),
            cancellationToken);
        return result.Value is { } template ? TypedResults.Ok(ChecklistDto.From(template)) : WorkOrdersApi.Refused(result);
    }

    public static async Task<Results<Created<FeedTokenDto>, ProblemHttpResult>> CreateFeed(CalendarFeeds feeds, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken)
    {
        if (access.User(context.User) is not { } user)
            return TypedResults.Problem(title: "Not a person", detail: "Only a signed-in person has a calendar.", statusCode: 400);
        var token = await feeds.CreateAsync(user.UserId, user.Email, ManagementApi.Address(context), cancellationToken);
        var url = $"{context.Request.Scheme}://{context.Request.Host}/calendar/{token}.ics";
        return TypedResults.Created(url, new FeedTokenDto(token, url));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeed(CalendarFeeds feeds, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken) =>
        access.User(context.User) is { } user && await feeds.RevokeAsync(user.UserId, user.Email, ManagementApi.Address(context), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No feed", detail: "You have no calendar feed.", statusCode: 404);

    public static async Task<IResult> Feed(string feedToken, CalendarFeeds feeds, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        return await feeds.CalendarAsync(feedToken, cancellationToken) is { } calendar
            ? Results.Text(calendar, "text/calendar; charset=utf-8")
            : Results.Problem(title: "No such calendar", detail: "This calendar address is unknown or was revoked.", statusCode: 404);
    }
}
