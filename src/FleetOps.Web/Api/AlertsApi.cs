using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Alerts;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Api;

/// <summary>
/// The alert centre's API (docs/api.md §5): alerts, acknowledgements and mute windows, each limited to the caller's
/// stores — an alert or mute outside them is answered like one that does not exist.
/// </summary>
public static class AlertsApi
{
    public const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Alerts").DisableAntiforgery();
        api.MapGet("/alerts", List).WithName("ListAlerts")
            .WithSummary("Alerts of the caller's stores, newest first; by default the active ones (open or acknowledged)");
        api.MapPost("/alerts/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeAlert")
            .WithSummary("Says someone has seen the alert, with an optional note (audited); 409 when it already resolved")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/mutes", ListMutes).WithName("ListMutes")
            .WithSummary("Mute windows of the caller's stores that are not over; ?store= (codes, comma-separated), ?terminal= (its own and its store's)");
        api.MapPost("/mutes", Mute).WithName("CreateMute")
            .WithSummary("Mutes a store or one terminal for a while (at most 30 days): its alerts are recorded, not counted, not notified");
        api.MapDelete("/mutes/{id:long}", Unmute).WithName("DeleteMute").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<PagedResult<AlertDto>>, ValidationProblem>> List(
        FleetDbContextFactory databases, AlertBook book, StoreDirectory stores, FleetState fleet, HttpContext context, AccessResolver access,
        string? state = null, string? kind = null, string? severity = null, string? store = null, string? terminal = null,
        string? page = null, string? pageSize = null, CancellationToken cancellationToken = default)
    {
        var filter = new ListFilter();
        var query = new AlertListQuery
        {
            State = filter.Enum<AlertStateFilter>("state", state) ?? AlertStateFilter.Active,
            Kind = filter.Enum<AlertKind>("kind", kind),
            Severity = filter.Enum<AlertSeverity>("severity", severity),
            Stores = filter.Stores(store, access.Scope(context.User), stores),
            // Any letter case finds the terminal's alerts: the rows carry the registered id, and the database compares exactly.
            Terminal = filter.Text("terminal", terminal) is { } id ? fleet.RegisteredId(id) : null,
        };
        var (pageNumber, size) = filter.Paging(page, pageSize, AlertListQuery.MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        await using var db = databases.CreateDbContext();
        var (items, total) = await (query with { Page = pageNumber, PageSize = size }).RunAsync(db, cancellationToken);
        return TypedResults.Ok(new PagedResult<AlertDto>(items.Select(a => AlertDto.From(a, book.IsMuted(a))).ToList(), total));
    }

    public static async Task<Results<Ok<AlertDto>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        long id, AcknowledgeRequest? request, AlertService alerts, AlertBook book, FleetDbContextFactory databases, StoreDirectory stores,
        HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is not null && (note.Length > MaxNoteLength || TextRules.Problem("note", note) is not null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["note"] = [note.Length > MaxNoteLength ? $"'note' may be at most {MaxNoteLength} characters." : TextRules.Problem("note", note)!],
            });
        }
        var scope = access.Scope(context.User);
        var alert = book.Get(id) ?? await FindAsync(databases, id, cancellationToken);
        if (alert is null || !scope.AllowsStore(alert.StoreCode, stores)) return NotFound(id);
        var result = await alerts.AcknowledgeAsync(id, access.ActorName(context.User), note, ManagementApi.Address(context), cancellationToken);
        if (result.Resolved) return TypedResults.Problem(title: "Alert resolved", detail: $"Alert {id} resolved by itself; there is nothing to acknowledge.", statusCode: 409);
        return result.Alert is { } acknowledged ? TypedResults.Ok(AlertDto.From(acknowledged, book.IsMuted(acknowledged))) : NotFound(id);
    }

    public static Results<Ok<PagedResult<MuteDto>>, ValidationProblem> ListMutes(AlertBook book, StoreDirectory stores, FleetState fleet,
        TimeProvider time, HttpContext context, AccessResolver access, string? store = null, string? terminal = null)
    {
        var filter = new ListFilter();
        var storeCodes = filter.Stores(store, access.Scope(context.User), stores);
        var terminalId = filter.Text("terminal", terminal);
        var named = terminalId is null ? null : fleet.Get(terminalId);
        // An id no terminal has would match no terminal's windows but every whole-store one: refused, not read as "any".
        if (terminalId is not null && named is null) filter.Fail("terminal", $"There is no terminal '{terminalId}'.");
        if (filter.HasErrors) return filter.Problem();
        var now = time.GetUtcNow();
        // A store's windows are those of the store and of its terminals; a terminal's, its own and its store's whole ones.
        var items = book.Mutes.Where(m => m.Until > now
                && (storeCodes is null || storeCodes.Contains(m.StoreCode))
                && (named is null || (string.Equals(named.StoreCode, m.StoreCode, StringComparison.OrdinalIgnoreCase)
                    && (m.TerminalId is null || string.Equals(m.TerminalId, named.TerminalId, StringComparison.Ordinal)))))
            .OrderBy(m => m.From).Select(MuteDto.Of).ToList();
        return TypedResults.Ok(new PagedResult<MuteDto>(items, items.Count));
    }

    public static async Task<Results<Created<MuteDto>, ValidationProblem>> Mute(
        MuteRequest request, AlertService alerts, StoreDirectory stores, FleetState fleet, TimeProvider time, HttpContext context,
        AccessResolver access, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = access.Scope(context.User);
        var store = string.IsNullOrWhiteSpace(request.StoreCode) ? null : stores.Get(request.StoreCode.Trim());
        if (store is null || !scope.AllowsStore(store)) errors["storeCode"] = [string.IsNullOrWhiteSpace(request.StoreCode) ? "'storeCode' is required." : $"No store '{request.StoreCode}' among yours."];
        var terminalId = string.IsNullOrWhiteSpace(request.TerminalId) ? null : request.TerminalId.Trim();
        var terminal = terminalId is null ? null : fleet.Get(terminalId);
        // Without a store (refused above) the terminal is judged alone: "in store ''" would tell the caller nothing.
        if (terminalId is not null && store is not null && (terminal is null || !string.Equals(terminal.StoreCode, store.Code, StringComparison.OrdinalIgnoreCase)))
        {
            errors["terminalId"] = [$"No terminal '{terminalId}' in store '{store.Code}'."];
        }
        else if (terminalId is not null && store is null && terminal is null)
        {
            errors["terminalId"] = [$"No terminal '{terminalId}' among yours."];
        }
        var now = time.GetUtcNow();
        var from = request.From ?? now;
        if (request.Until is not { } until) errors["until"] = ["'until' is required."];
        else if (MuteWindow.Problem(from, until, now) is { } problem) errors["until"] = [problem];
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length > 500) errors["reason"] = ["'reason' may be at most 500 characters."];
        else if (reason.Length > 0 && TextRules.Problem("reason", reason) is { } bad) errors["reason"] = [bad];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Kept as registered, whatever letter case the body used, as the store is.
        var mute = await alerts.MuteAsync(store!.Code, terminal?.TerminalId, from, request.Until!.Value, reason, access.ActorName(context.User),
            ManagementApi.Address(context), cancellationToken);
        return TypedResults.Created($"/api/v1/mutes/{mute.Id}", MuteDto.Of(mute));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Unmute(
        long id, AlertService alerts, AlertBook book, StoreDirectory stores, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var mute = book.Mutes.FirstOrDefault(m => m.Id == id);
        if (mute is null || !access.Scope(context.User).AllowsStore(mute.StoreCode, stores)
            || !await alerts.UnmuteAsync(mute, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken))
        {
            return TypedResults.Problem(title: "No such mute", detail: $"There is no mute {id} among your stores' mutes.", statusCode: 404);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Alert?> FindAsync(FleetDbContextFactory databases, long id, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        return await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } row ? row.ToAlert() : null;
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "No such alert", detail: $"There is no alert {id} among your stores' alerts.", statusCode: 404);
}
