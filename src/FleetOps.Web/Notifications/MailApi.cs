using FleetOps.Web.Api;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The caller's own e-mail notifications (FleetOps's addition to docs/api.md §5), for every signed-in person and their
/// API tokens: read and change them, read their delivery log, queue a test mail. The bootstrap token is nobody, so it has none.
/// </summary>
public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/me/notifications").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Alerts").DisableAntiforgery();
        api.MapGet("", Get).WithName("GetMyNotifications")
            .WithSummary("The caller's e-mail notifications: on or off, kinds, minimum severity, the address, and whether this server sends mail")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("", Put).WithName("SetMyNotifications")
            .WithSummary("Changes the caller's e-mail notifications { enabled, kinds, minSeverity }; only alerts of the caller's stores are mailed")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/deliveries", Deliveries).WithName("ListMyNotificationDeliveries")
            .WithSummary("The caller's newest e-mails: status, attempts, last error").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/test", Test).WithName("TestMyNotifications")
            .WithSummary("Queues a test e-mail to the caller, sent and retried like any other; 409 while this server sends no mail")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<MailSettingsDto>, ProblemHttpResult>> Get(
        MailService mail, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if (Person(context, access) is not { } user) return Nobody();
        return TypedResults.Ok(MailSettingsDto.Of(mail.MailEnabled, user.Email, await mail.GetAsync(user, cancellationToken)));
    }

    public static async Task<Results<Ok<MailSettingsDto>, ValidationProblem, ProblemHttpResult>> Put(
        MailSettingsRequest request, MailService mail, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if (Person(context, access) is not { } user) return Nobody();
        var (interest, errors) = request.Check();
        if (interest is null) return TypedResults.ValidationProblem(errors);
        var saved = await mail.SaveAsync(user, request.Enabled!.Value, interest, ManagementApi.Address(context), cancellationToken);
        return TypedResults.Ok(MailSettingsDto.Of(mail.MailEnabled, user.Email, saved));
    }

    public static async Task<Results<Ok<PagedResult<WebhookDeliveryDto>>, ProblemHttpResult>> Deliveries(
        MailService mail, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if (Person(context, access) is not { } user) return Nobody();
        var items = await mail.DeliveriesAsync(user, cancellationToken);
        return TypedResults.Ok(new PagedResult<WebhookDeliveryDto>(items, items.Count));
    }

    public static async Task<Results<Accepted<WebhookTestQueued>, ProblemHttpResult>> Test(
        MailService mail, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        if (Person(context, access) is not { } user) return Nobody();
        return await mail.QueueTestAsync(user, ManagementApi.Address(context), cancellationToken) is { } delivery
            ? TypedResults.Accepted("/api/v1/me/notifications/deliveries", new WebhookTestQueued(delivery))
            : TypedResults.Problem(title: "E-mail is off",
                detail: $"This server sends no e-mail: {MailOptions.Section}:Host is not set.", statusCode: StatusCodes.Status409Conflict);
    }

    private static UserAccess? Person(HttpContext context, AccessResolver access) => access.User(context.User) is { Disabled: false } user ? user : null;

    private static ProblemHttpResult Nobody() => TypedResults.Problem(title: "Not a person",
        detail: "Notifications belong to a person; sign in, or use a token of your own.", statusCode: StatusCodes.Status403Forbidden);
}
