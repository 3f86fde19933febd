using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// Work orders (docs/api.md §8). Anyone signed in may call; what they may see and do is <see cref="MaintenanceActor"/>'s rule:
/// a work order outside it is answered like a missing one (404), a command they may not give is a 403. Photos and drawn
/// signatures (FleetOps addition) are uploaded as multipart and downloaded only by those who see the work order; a flagged
/// item raises a follow-up (FleetOps addition).
/// </summary>
public static class WorkOrdersApi
{
    /// <summary>Room for the multipart envelope: a photo just over the limit must still reach the 400 that names it.</summary>
    private const long UploadSlack = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workorders").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Maintenance").DisableAntiforgery();
        api.MapPost("", Create).WithName("CreateWorkOrder")
            .WithSummary("Creates a work order by hand or from an alert (alertId: kind, checklist, title and due time default from it; the open one is returned if it exists)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("", List).WithName("ListWorkOrders").WithSummary("Work orders the caller may see, by when they happen");
        api.MapGet("/{id:long}", Get).WithName("GetWorkOrder").WithSummary("The work order with its pinned checklist, results, photos and the alert's evidence")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:long}/schedule", Schedule).WithName("ScheduleWorkOrder")
            .WithSummary("Books the work to a technician; 200 with the technician's overlapping bookings as conflicts (the booking is made)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapCommand(api, "start", "StartWorkOrder", "The visit starts (mutes the terminal or store until it ends)",
            (s, id, _, actor, address, ct) => s.StartAsync(id, actor, address, ct));
        MapCommand(api, "wait", "HoldWorkOrder", "Puts the work on hold, with a reason (FleetOps addition)",
            (s, id, reason, actor, address, ct) => s.WaitAsync(id, reason, actor, address, ct));
        MapCommand(api, "cancel", "CancelWorkOrder", "Cancels the work, with a reason (dispatchers)",
            (s, id, reason, actor, address, ct) => s.CancelAsync(id, reason, actor, address, ct));
        api.MapPost("/{id:long}/complete", Complete).WithName("CompleteWorkOrder")
            .WithSummary("Completes the work with its checklist results; 422 lists required items missing and readings out of limits without a note")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:long}/followups", RaiseFollowUp).WithName("RaiseFollowUp")
            .WithSummary("Raises a follow-up work order from an item the recorded checklist flagged; the first one again when it exists (FleetOps addition)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:long}/photos", AddPhoto).WithName("AddWorkOrderPhoto")
            .WithSummary("Adds a photo to a photo item, or the drawn signature (PNG) to a signature item (multipart: 'file' and 'item'); at most 10 MiB, " +
                "JPEG/PNG/WebP/HEIC by content (FleetOps addition)")
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:long}/photos/{photoId:long}", GetPhoto).WithName("GetWorkOrderPhoto")
            .WithSummary("A photo of the work order, to those who may see it (FleetOps addition)")
            .Produces(StatusCodes.Status200OK, null, "image/jpeg", "image/png", "image/webp", "image/heic")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<WorkOrderDto>, ProblemHttpResult>> Create(CreateWorkOrderRequest request, MaintenanceService maintenance,
        TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var draft = new WorkOrderDraft(request.StoreCode, request.TerminalId, request.Title, request.Kind, request.Priority, request.DueAt, request.Checklist,
            request.AlertId);
        var result = await maintenance.CreateAsync(draft, Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return CreatedOrRefused(result, time);
    }

    public static Results<Ok<PagedResult<WorkOrderDto>>, ValidationProblem> List(MaintenanceBook book, StoreDirectory stores, TimeProvider time,
        HttpContext context, AccessResolver access, string? state = null, string? store = null, string? assignee = null, string? from = null,
        string? to = null, string? region = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var period = filter.Period(from, to);
        var query = new WorkOrderQuery
        {
            State = filter.Enum<WorkOrderState>("state", state),
            Stores = filter.Stores(store, access.Scope(context.User), stores),
            // As the KPIs' region (MaintenanceKpisApi): free text by the same rule, a region nobody has lists nothing.
            Region = filter.Text("region", region),
            Assignee = filter.Text("assignee", assignee),
            From = period.From,
            To = period.To,
        };
        var paging = filter.Paging(page, pageSize, WorkOrderQuery.MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var now = time.GetUtcNow();
        var all = query.Run(book.All, Actor(access, context), stores, now);
        return TypedResults.Ok(new PagedResult<WorkOrderDto>(paging.Of(all).Select(o => WorkOrderDto.From(o, now)).ToList(), all.Count));
    }

    public static async Task<Results<Ok<WorkOrderDto>, ProblemHttpResult>> Get(long id, MaintenanceBook book, MaintenanceService maintenance,
        WorkOrderPhotos photos, AlertBook alerts, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken)
    {
        if (book.Get(id) is not { } order || !Actor(access, context).CanSee(order, stores)) return NotFound(id);
        var alert = order.AlertId is { } alertId ? await maintenance.FindAlertAsync(alertId, cancellationToken) : null;
        var template = book.Template(order.ChecklistKey, order.ChecklistVersion) ?? new ChecklistTemplate(order.ChecklistKey, order.ChecklistVersion, order.ChecklistKey, []);
        return TypedResults.Ok(WorkOrderDto.Detail(order, template, await photos.ListAsync(id, cancellationToken),
            alert is null ? null : AlertDto.From(alert, alerts.IsMuted(alert)), book.FollowUpsOf(id), time.GetUtcNow()));
    }

    public static async Task<Results<Created<WorkOrderDto>, ProblemHttpResult>> RaiseFollowUp(long id, FollowUpRequest? request, MaintenanceService maintenance,
        TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await maintenance.RaiseFollowUpAsync(id, request?.Item?.Trim(), Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return CreatedOrRefused(result, time);
    }

    public static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> Schedule(long id, ScheduleRequest request, MaintenanceService maintenance,
        TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await maintenance.ScheduleAsync(id, request.Assignee, request.Start, request.End, Actor(access, context), ManagementApi.Address(context),
            cancellationToken);
        return result.Value is { } order
            ? TypedResults.Ok(new ScheduleDto(result.Conflicts.Select(c => new ConflictDto(c.Id, c.Title, c.ScheduledStart, c.ScheduledEnd)).ToList(),
                WorkOrderDto.From(order, time.GetUtcNow())))
            : Refused(result);
    }

    public static async Task<Results<Ok<WorkOrderDto>, ProblemHttpResult>> Complete(long id, CompleteRequest request, MaintenanceService maintenance,
        TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if ((request.Results ?? []).FirstOrDefault(r => r?.HasUnreadableValue == true) is { } unreadable)
        {
            // The item is named when it is text FleetOps could keep (never a card number back into a log).
            var item = unreadable.Item is { Length: > 0 and <= 64 } name && TextRules.Problem("item", name) is null ? $"'{name}'" : "a result";
            return Refused(MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid,
                $"The value of {item} must be true or false, a number or text, not an object or a list.", "results"));
        }
        // A result written as null reads as '{}': an unknown item of the 422, as any result naming no item.
        var answers = (request.Results ?? []).Select(r => (r ?? ResultRequest.Empty).ToAnswer()).ToList();
        var result = await maintenance.CompleteAsync(id, answers, request.SignedBy, Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } order ? TypedResults.Ok(WorkOrderDto.From(order, time.GetUtcNow())) : Refused(result);
    }

    public static async Task<Results<Created<PhotoDto>, ProblemHttpResult>> AddPhoto(long id, HttpContext context, WorkOrderPhotos photos,
        AccessResolver access, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = photos.MaxBytes + UploadSlack;
        var tooLarge = MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid, $"A photo may be at most {photos.MaxBytes / (1024 * 1024)} MiB.");
        if (context.Request.ContentLength > photos.MaxBytes + UploadSlack) return Refused(tooLarge);
        if (!context.Request.HasFormContentType)
            return Refused(MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid, "Send the photo as 'file' in a multipart/form-data body."));
        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file || form["item"].ToString() is not { Length: > 0 } item)
            return Refused(MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid, "Send the photo as 'file' and its checklist item as 'item'."));
        if (file.Length > photos.MaxBytes) return Refused(tooLarge);
        await using var content = file.OpenReadStream();
        var result = await photos.AddAsync(id, item, content, Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } photo ? TypedResults.Created(PhotoDto.From(photo).Url, PhotoDto.From(photo)) : Refused(result);
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetPhoto(long id, long photoId, WorkOrderPhotos photos, HttpContext context,
        AccessResolver access, CancellationToken cancellationToken)
    {
        // Private: a shared cache must never hand one store's photo to another.
        context.Response.Headers.CacheControl = "private, no-store";
        return await photos.OpenAsync(id, photoId, Actor(access, context), cancellationToken) is { } found
            ? TypedResults.PhysicalFile(found.Path, found.Photo.ContentType)
            : TypedResults.Problem(title: "No such photo", detail: $"There is no photo {photoId} of work order {id} among yours.", statusCode: 404);
    }

    /// <summary>Who the caller is for maintenance: their user, or the bootstrap token as an administrator.</summary>
    internal static MaintenanceActor Actor(AccessResolver access, HttpContext context) =>
        access.User(context.User) is { } user ? MaintenanceActor.Of(user)
        : access.IsAdministrator(context.User) ? MaintenanceActor.Bootstrap
        : new MaintenanceActor(access.ActorName(context.User), "", Core.Access.AccessScope.Nothing);

    private static void MapCommand(RouteGroupBuilder api, string verb, string name, string summary,
        Func<MaintenanceService, long, string?, MaintenanceActor, string?, CancellationToken, Task<MaintenanceResult<WorkOrder>>> command) =>
        api.MapPost($"/{{id:long}}/{verb}", async Task<Results<Ok<WorkOrderDto>, ProblemHttpResult>> (long id, ReasonRequest? request,
                MaintenanceService maintenance, TimeProvider time, HttpContext context, AccessResolver access, CancellationToken cancellationToken) =>
            {
                var result = await command(maintenance, id, request?.Reason, Actor(access, context), ManagementApi.Address(context), cancellationToken);
                return result.Value is { } order ? TypedResults.Ok(WorkOrderDto.From(order, time.GetUtcNow())) : Refused(result);
            })
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A refusal as problem+json; a 422 also lists its problems as <c>problems: [{ item, reason }]</c>, a 400 or 409 its <c>field</c> when known.</summary>
    internal static ProblemHttpResult Refused<T>(MaintenanceResult<T> result) where T : class => result.Error switch
    {
        MaintenanceError.NotFound => TypedResults.Problem(title: "Not found", detail: result.Detail, statusCode: StatusCodes.Status404NotFound),
        MaintenanceError.Forbidden => TypedResults.Problem(title: "Not allowed", detail: result.Detail, statusCode: StatusCodes.Status403Forbidden),
        MaintenanceError.Conflict => TypedResults.Problem(title: "Conflict with the current state", detail: result.Detail, statusCode: StatusCodes.Status409Conflict,
            extensions: Field(result)),
        MaintenanceError.Incomplete => TypedResults.Problem(title: "Checklist incomplete", detail: result.Detail, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = result.Problems.Select(p => new Dictionary<string, string> { ["item"] = p.Item, ["reason"] = p.Reason.ToWire() }).ToList(),
            }),
        // The field a refusal is about (a form shows it there; a client fixes that field), when the service named one.
        _ => TypedResults.Problem(title: "Invalid request", detail: result.Detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: Field(result)),
    };

    private static Dictionary<string, object?>? Field<T>(MaintenanceResult<T> result) where T : class =>
        result.Field is null ? null : new Dictionary<string, object?> { ["field"] = result.Field };

    private static Results<Created<WorkOrderDto>, ProblemHttpResult> CreatedOrRefused(MaintenanceResult<WorkOrder> result, TimeProvider time) =>
        result.Value is { } order
            ? TypedResults.Created($"/api/v1/workorders/{order.Id}", WorkOrderDto.From(order, time.GetUtcNow()))
            : Refused(result);

    private static ProblemHttpResult NotFound(long id) =>
        Refused(MaintenanceResult<WorkOrder>.Refused(MaintenanceError.NotFound, $"There is no work order {id} among yours."));
}
