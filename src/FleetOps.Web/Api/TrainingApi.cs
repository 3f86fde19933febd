using FleetOps.Core.Fleet;
using FleetOps.Core.Training;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// Staff training (docs/api.md §9) and FleetOps's additions (a store's sessions, its failed payments). Anyone signed in
/// may call; what they may see and change is <see cref="TrainingAccess"/>'s rule: a store outside their scope is answered
/// like a missing one (404), a change they may not make is a 403, and a refused session is a 400 naming the field.
/// </summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Training").DisableAntiforgery();
        api.MapPost("/stores/{code}/staff", AddStaff).WithName("AddStaff")
            .WithSummary("Adds a person to the store's training roster (managers of the store); 409 when a current staff member has that name and role")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/stores/{code}/staff", ListStaff).WithName("ListStaff")
            .WithSummary("The store's roster, people who left included (with leftOn)").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/stores/{code}/staff/{id:long}", MarkLeft).WithName("MarkStaffLeft")
            .WithSummary("Marks the person as having left today (the store's date); their history is kept")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stores/{code}/operator-failures", OperatorFailures).WithName("StoreOperatorFailures")
            .WithSummary("The store's operator-caused failed payments of the last 30 days, the evidence of 'training recommended' (FleetOps addition)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/training/programmes", (TrainingBook book) => TypedResults.Ok(new PagedResult<ProgrammeDto>(
                book.Programmes.Select(ProgrammeDto.From).ToList(), book.Programmes.Count)))
            .WithName("ListTrainingProgrammes").WithSummary("The training programmes with their items and validity");
        api.MapPost("/training/sessions", RecordSession).WithName("RecordTrainingSession")
            .WithSummary("Records a session held for one or more people of a store; completedItems apply to each of them; optional signatures " +
                "(base64 PNG) of the trainer and of people trained")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/training/sessions/{id:long}/signatures/{signer}", Signature).WithName("TrainingSessionSignature")
            .WithSummary("A session's drawn signature as PNG: 'trainer' or a trained person's staff id (FleetOps addition)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/training/sessions", ListSessions).WithName("ListTrainingSessions")
            .WithSummary("Sessions of the caller's stores, newest first (FleetOps addition)");
        api.MapGet("/training/compliance", Compliance).WithName("TrainingCompliance")
            .WithSummary("Per store of the caller's (and per region): staff, current, due soon, overdue, never trained, operator failures");
        return app;
    }

    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddStaff(string code, StaffRequest request, TrainingService training,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await training.AddStaffAsync(code, request.Name, request.Role, request.StartedOn, WorkOrdersApi.Actor(access, context),
            ManagementApi.Address(context), cancellationToken);
        return result.Value is { } person
            ? TypedResults.Created($"/api/v1/stores/{person.StoreCode}/staff/{person.Id}", new CreatedId(person.Id))
            : WorkOrdersApi.Refused(result);
    }

    public static Results<Ok<PagedResult<StaffDto>>, ProblemHttpResult> ListStaff(string code, TrainingBook book, TrainingAccess training,
        StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        if (Store(code, training, stores, access, context) is not { } store) return NoStore(code);
        var items = book.StaffOf(store.Code).Select(StaffDto.From).ToList();
        return TypedResults.Ok(new PagedResult<StaffDto>(items, items.Count));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkLeft(string code, long id, TrainingService training, HttpContext context,
        AccessResolver access, CancellationToken cancellationToken)
    {
        var result = await training.MarkLeftAsync(code, id, WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is not null ? TypedResults.NoContent() : WorkOrdersApi.Refused(result);
    }

    public static Results<Ok<PagedResult<FailedPaymentDto>>, ProblemHttpResult> OperatorFailures(string code, TrainingTargets targets,
        TrainingAccess training, StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        if (Store(code, training, stores, access, context) is not { } store) return NoStore(code);
        var items = targets.Evidence(store.Code).Select(FailedPaymentDto.From).ToList();
        return TypedResults.Ok(new PagedResult<FailedPaymentDto>(items, items.Count));
    }

    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> RecordSession(SessionRequest request, TrainingService training,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if (Base64("trainerSignature", request.TrainerSignature, out var trainerSignature) is { } trainerProblem) return trainerProblem;
        var signatures = new List<TraineeSignature>();
        foreach (var signature in request.Signatures ?? [])
        {
            if (signature?.Png is null) return InvalidSignature("signatures", "Each signature needs 'staffId' and 'png'.");
            if (Base64("signatures", signature.Png, out var png) is { } problem) return problem;
            signatures.Add(new TraineeSignature(signature.StaffId, png!));
        }
        var draft = new SessionDraft(request.StoreCode, request.Programme, request.HeldOn, request.Trainer, request.StaffIds, request.CompletedItems,
            TrainerSignature: trainerSignature, Signatures: signatures);
        var result = await training.RecordSessionAsync(draft, WorkOrdersApi.Actor(access, context), ManagementApi.Address(context), cancellationToken);
        return result.Value is { } session
            ? TypedResults.Created($"/api/v1/training/sessions?store={session.StoreCode}", new CreatedId(session.Id))
            : WorkOrdersApi.Refused(result);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Signature(long id, string signer, TrainingService training,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        // Private: a shared cache must never hand one store's signatures to another.
        context.Response.Headers.CacheControl = "private, no-store";
        long? staffId = signer == "trainer" ? null
            : long.TryParse(signer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        return staffId != -1 && await training.SignatureAsync(id, staffId, WorkOrdersApi.Actor(access, context), cancellationToken) is { } png
            ? TypedResults.File(png, "image/png")
            : TypedResults.Problem(title: "Not found", detail: $"Training session {id} has no signature '{signer}' among yours.", statusCode: StatusCodes.Status404NotFound);
    }

    public static Results<Ok<PagedResult<SessionDto>>, ValidationProblem> ListSessions(TrainingBook book, StoreDirectory stores, HttpContext context,
        AccessResolver access, string? store = null)
    {
        var filter = new ListFilter();
        var allowed = filter.Stores(store, access.Scope(context.User), stores);
        if (filter.HasErrors) return filter.Problem();
        var items = (allowed ?? book.StoreCodes.ToHashSet(StringComparer.OrdinalIgnoreCase)).SelectMany(book.SessionsOf)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Select(SessionDto.From).ToList();
        return TypedResults.Ok(new PagedResult<SessionDto>(items, items.Count));
    }

    public static Results<Ok<TrainingComplianceReport>, ValidationProblem> Compliance(TrainingService training, TrainingTargets targets,
        StoreDirectory stores, HttpContext context, AccessResolver access, string? store = null)
    {
        var filter = new ListFilter();
        var allowed = filter.Stores(store, access.Scope(context.User), stores);
        if (filter.HasErrors) return filter.Problem();
        var listed = stores.All.Where(s => allowed is null || allowed.Contains(s.Code)).ToList();
        var failures = targets.FailuresPerStore(allowed);
        var rows = listed.Select(s => (Store: s, training.Compliance(s.Code).Tally, Failures: failures.GetValueOrDefault(s.Code))).ToList();
        var storeDtos = rows.Select(r => TrainingComplianceDto.From(r.Store.Code, r.Store.Region, r.Tally, r.Failures, targets.Recommends(r.Failures))).ToList();
        var regionDtos = rows.GroupBy(r => r.Store.Region, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => TrainingComplianceDto.From(null, g.Key, g.Aggregate(Core.Training.ComplianceTally.None, (sum, r) => sum.Plus(r.Tally)),
                g.Sum(r => r.Failures), g.Any(r => targets.Recommends(r.Failures))))
            .ToList();
        return TypedResults.Ok(new TrainingComplianceReport(storeDtos, regionDtos));
    }

    /// <summary>A base64 PNG as sent (optionally a data URL); a 400 naming the field when it is not base64 at all.</summary>
    private static ProblemHttpResult? Base64(string field, string? text, out byte[]? bytes)
    {
        bytes = null;
        if (text is null) return null;
        const string dataUrl = "data:image/png;base64,";
        var payload = text.StartsWith(dataUrl, StringComparison.OrdinalIgnoreCase) ? text[dataUrl.Length..] : text;
        try
        {
            bytes = Convert.FromBase64String(payload);
            return null;
        }
        catch (FormatException)
        {
            return InvalidSignature(field, $"'{field}' must be a base64-encoded PNG image.");
        }
    }

    private static ProblemHttpResult InvalidSignature(string field, string detail) =>
        WorkOrdersApi.Refused(MaintenanceResult<TrainingSession>.Refused(MaintenanceError.Invalid, detail, field));

    private static StoreInfo? Store(string code, TrainingAccess training, StoreDirectory stores, AccessResolver access, HttpContext context) =>
        stores.Get(code) is { } store && training.CanSee(WorkOrdersApi.Actor(access, context), store.Code) ? store : null;

    private static ProblemHttpResult NoStore(string code) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no store '{code}'.", statusCode: StatusCodes.Status404NotFound);
}
