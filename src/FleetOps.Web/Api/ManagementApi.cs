using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>The management API of docs/api.md §2: stores, terminals and software targets.</summary>
public static class ManagementApi
{
    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithTags("Management API")
            .DisableAntiforgery();
        api.MapPost("/stores", CreateStore).WithName("CreateStore").RequireAuthorization(AccessPolicies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/stores", ListStores).WithName("ListStores");
        api.MapPut("/stores/{code}", UpdateStore).WithName("UpdateStore").RequireAuthorization(AccessPolicies.Administrator)
            .WithSummary("Changes a store's name, region and time zone (administrators)")
            .WithDescription("The code is the store's identity and stays. 404 for an unknown store, 400 naming each bad field, "
                + "409 when a new `acquirer` already knows another terminal in service by one of this store's terminals' `acquirerTerminalId`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/terminals", CreateTerminal).WithName("RegisterTerminal").RequireAuthorization(AccessPolicies.Administrator)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/terminals", ListTerminals).WithName("ListTerminals");
        api.MapGet("/terminals/{terminalId}", GetTerminal).WithName("GetTerminal").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/terminals/{terminalId}", UpdateTerminal).WithName("UpdateTerminal").RequireAuthorization(AccessPolicies.Administrator)
            .WithSummary("Changes a terminal's store, model and serial number; a new store moves it (administrators)")
            .WithDescription("The terminal keeps its id, key and history. 404 for an unknown terminal, 400 naming each bad field "
                + "(an unknown store is a bad `storeCode`), 409 for a decommissioned terminal or an `acquirerTerminalId` another terminal "
                + "in service has under the same acquirer.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/software/targets/{model}", PutSoftwareTarget).WithName("SetSoftwareTarget").RequireAuthorization(AccessPolicies.Administrator);
        api.MapGet("/software/targets", ListSoftwareTargets).WithName("ListSoftwareTargets");
        return app;
    }

    public static async Task<Results<Created<StoreDto>, ValidationProblem, ProblemHttpResult>> CreateStore(
        CreateStoreRequest request, FleetRegistry registry, HttpContext context, AccessResolver access, AuditLog audit, CancellationToken cancellationToken)
    {
        request = request with { Acquirer = RegistrationRules.Given(request.Acquirer), MerchantId = RegistrationRules.Given(request.MerchantId) };
        var errors = RegistrationRules.StoreProblems(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var store = new StoreInfo(request.Code!, request.Name!, request.Region!, request.TimeZone!, request.Acquirer, request.MerchantId);
        if (await registry.AddStoreAsync(store, cancellationToken) == RegistrationError.AlreadyExists)
        {
            return TypedResults.Problem(title: "Store exists", detail: $"A store with code '{store.Code}' already exists.", statusCode: 409);
        }
        await audit.RecordAsync(access.ActorName(context.User), AuditActions.StoreCreated, store.Code, RegistrationAudit.StoreCreated(store), Address(context));
        return TypedResults.Created($"/api/v1/stores/{store.Code}", StoreDto.From(store));
    }

    public static Ok<PagedResult<StoreDto>> ListStores(StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        var scope = access.Scope(context.User);
        var items = stores.All.Where(scope.AllowsStore).Select(StoreDto.From).ToList();
        return TypedResults.Ok(new PagedResult<StoreDto>(items, items.Count));
    }

    public static async Task<Results<Created<CreatedTerminal>, ValidationProblem, ProblemHttpResult>> CreateTerminal(
        CreateTerminalRequest request, FleetRegistry registry, HttpContext context, AccessResolver access, AuditLog audit, CancellationToken cancellationToken)
    {
        request = request with { AcquirerTerminalId = RegistrationRules.Given(request.AcquirerTerminalId) };
        var errors = RegistrationRules.TerminalProblems(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var registration = new TerminalRegistration(request.TerminalId!, request.StoreCode!, request.Model!, request.SerialNumber,
            AcquirerTerminalId: request.AcquirerTerminalId);
        var (error, terminal, clash) = await registry.AddTerminalAsync(registration, cancellationToken);
        if (error == RegistrationError.None)
        {
            await audit.RecordAsync(access.ActorName(context.User), AuditActions.TerminalRegistered, request.TerminalId,
                RegistrationAudit.TerminalRegistered(registration), Address(context));
        }
        return error switch
        {
            RegistrationError.UnknownStore => UnknownStore(request.StoreCode),
            RegistrationError.AlreadyExists => TypedResults.Problem(title: "Terminal exists", detail: $"A terminal '{request.TerminalId}' is already registered.", statusCode: 409),
            RegistrationError.AcquirerTerminalIdTaken => AcquirerTerminalIdTaken(clash!.Problem),
            _ => TypedResults.Created($"/api/v1/terminals/{terminal!.TerminalId}", new CreatedTerminal(terminal.TerminalId, terminal.Key)),
        };
    }

    public static async Task<Results<Ok<StoreDto>, ValidationProblem, ProblemHttpResult>> UpdateStore(
        string code, UpdateStoreRequest request, FleetRegistry registry, StoreDirectory stores, HttpContext context, AccessResolver access,
        AuditLog audit, CancellationToken cancellationToken)
    {
        if (stores.Get(code) is not { } known) return NoStore(code);
        var acquirer = RegistrationRules.Kept(request.Acquirer, known.Acquirer);
        var merchantId = RegistrationRules.Kept(request.MerchantId, known.MerchantId);
        var errors = RegistrationRules.StoreProblems(new CreateStoreRequest(known.Code, request.Name, request.Region, request.TimeZone, acquirer, merchantId));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (error, before, clash) = await registry.UpdateStoreAsync(
            new StoreInfo(known.Code, request.Name!, request.Region!, request.TimeZone!, acquirer, merchantId), cancellationToken);
        if (clash is not null) return AcquirerTerminalIdTaken(clash.StoreProblem);
        if (error != RegistrationError.None || stores.Get(known.Code) is not { } after) return NoStore(code);
        await audit.RecordAsync(access.ActorName(context.User), AuditActions.StoreChanged, after.Code, RegistrationAudit.StoreChanged(before!, after), Address(context));
        return TypedResults.Ok(StoreDto.From(after));
    }

    public static async Task<Results<Ok<TerminalDto>, ValidationProblem, ProblemHttpResult>> UpdateTerminal(
        string terminalId, UpdateTerminalRequest request, FleetRegistry registry, FleetState fleet, HttpContext context, AccessResolver access,
        AuditLog audit, CancellationToken cancellationToken)
    {
        var current = fleet.Get(terminalId);
        var acquirerTerminalId = RegistrationRules.Kept(request.AcquirerTerminalId, current?.Registration.AcquirerTerminalId);
        var errors = RegistrationRules.TerminalProblems(
            new CreateTerminalRequest(terminalId, request.StoreCode, request.Model, request.SerialNumber, acquirerTerminalId));
        // A path that could never be an id is simply not a terminal; the body's fields are what a caller can correct.
        if (current is null || errors.ContainsKey("terminalId")) return NoTerminal(terminalId);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        terminalId = current.TerminalId; // the path may spell it in any letter case; the audit and the reply use the registered id

        var change = new TerminalRegistration(terminalId, request.StoreCode!, request.Model!, request.SerialNumber, AcquirerTerminalId: acquirerTerminalId);
        var (error, before, clash) = await registry.UpdateTerminalAsync(change, cancellationToken);
        if (error == RegistrationError.None)
        {
            await audit.RecordAsync(access.ActorName(context.User), AuditActions.TerminalChanged, terminalId,
                RegistrationAudit.TerminalChanged(before!, fleet.Get(terminalId)!.Registration), Address(context));
        }
        return error switch
        {
            RegistrationError.None => TypedResults.Ok(TerminalDto.From(fleet.Get(terminalId)!, fleet.TargetFor(request.Model!))),
            RegistrationError.UnknownStore => UnknownStore(request.StoreCode),
            RegistrationError.Decommissioned => TypedResults.Problem(title: "Terminal decommissioned",
                detail: $"Terminal '{terminalId}' is decommissioned and cannot be changed.", statusCode: 409),
            RegistrationError.AcquirerTerminalIdTaken => AcquirerTerminalIdTaken(clash!.Problem),
            _ => NoTerminal(terminalId),
        };
    }

    /// <summary>The 409 of every change that would give one acquirer two terminals in service with one id (decisions.md).</summary>
    private static ProblemHttpResult AcquirerTerminalIdTaken(string detail) =>
        TypedResults.Problem(title: "Acquirer terminal id in use", detail: detail, statusCode: 409);

    private static ValidationProblem UnknownStore(string? code) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["storeCode"] = [$"No store has code '{code}'."] });

    private static ProblemHttpResult NoTerminal(string terminalId) =>
        TypedResults.Problem(title: "Not found", detail: $"No terminal {Shown(terminalId)}.", statusCode: 404);

    private static ProblemHttpResult NoStore(string code) =>
        TypedResults.Problem(title: "Not found", detail: $"No store {Shown(code)}.", statusCode: 404);

    /// <summary>
    /// A path value echoed only when it is text FleetOps could have kept: never a card number or control characters back
    /// into a response or a proxy log.
    /// </summary>
    private static string Shown(string value) => TextRules.Problem("id", value) is null ? $"'{value}'" : "with that id";

    public static Results<Ok<TerminalDto>, ProblemHttpResult> GetTerminal(string terminalId, FleetState fleet,
        StoreDirectory stores, HttpContext context, AccessResolver access)
    {
        var terminal = fleet.Get(terminalId);
        // Out of scope answers exactly like "does not exist": guessing ids reveals nothing.
        return terminal is null || !access.Scope(context.User).AllowsTerminal(terminal, stores)
            ? NoTerminal(terminalId)
            : TypedResults.Ok(TerminalDto.From(terminal, fleet.TargetFor(terminal.Model)));
    }

    public static Results<Ok<PagedResult<TerminalDto>>, ValidationProblem> ListTerminals(
        FleetState fleet, StoreDirectory stores, HttpContext context, AccessResolver access,
        string? connectivity = null, string? power = null, string? software = null, string? store = null,
        string? model = null, string? version = null, string? search = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var query = TerminalListQuery.Read(filter, connectivity, power, software, store, model, version, search);
        var (pageNumber, size) = filter.Paging(page, pageSize, TerminalQuery.MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var (items, total) = (query with { Page = pageNumber, PageSize = size }).Run(access.Scope(context.User).Terminals(fleet, stores));
        return TypedResults.Ok(new PagedResult<TerminalDto>(items.Select(t => TerminalDto.From(t, fleet.TargetFor(t.Model))).ToList(), total));
    }

    public static async Task<Results<Ok<SoftwareTargetDto>, ValidationProblem>> PutSoftwareTarget(
        string model, SoftwareTargetRequest request, SoftwareTargetEditor editor, FleetState fleet, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken)
    {
        var errors = await editor.SetAsync(model, request, access.ActorName(context.User), Address(context), cancellationToken);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var target = fleet.TargetFor(model)!;
        return TypedResults.Ok(new SoftwareTargetDto(target.Model, target.AppVersion, target.FirmwareVersion, target.MinimumAppVersion));
    }

    public static Ok<IReadOnlyList<SoftwareTargetDto>> ListSoftwareTargets(FleetState fleet) =>
        TypedResults.Ok<IReadOnlyList<SoftwareTargetDto>>(fleet.Targets
            .Select(t => new SoftwareTargetDto(t.Model, t.AppVersion, t.FirmwareVersion, t.MinimumAppVersion)).ToList());

    /// <summary>The caller's address for the audit log.</summary>
    internal static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
