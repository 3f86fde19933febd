using FleetOps.Web.Api;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Webhook subscriptions (docs/api.md §5), administrators only: add, list (never the secret), remove; FleetOps's
/// additions are each subscription's delivery log and a test delivery.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").RequireAuthorization(AccessPolicies.Administrator).WithTags("Alerts").DisableAntiforgery();
        api.MapPost("", Create).WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to alert notifications (kinds, minimum severity, preset generic | wecom | dingtalk); signed with the secret");
        api.MapGet("", List).WithName("ListWebhooks").WithSummary("The subscriptions, without their secrets and with the URLs' query values hidden");
        api.MapDelete("/{id:long}", Delete).WithName("DeleteWebhook").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:long}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary("The subscription's newest deliveries: status, attempts, last error").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:long}/test", Test).WithName("TestWebhook")
            .WithSummary("Queues a delivery of type \"test\" (alert: null), sent and retried like any other").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<WebhookCreated>, ValidationProblem>> Create(
        WebhookRequest request, WebhookService webhooks, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var (draft, errors) = WebhookRules.Check(request);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        var hook = await webhooks.CreateAsync(draft, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{hook.Id}", new WebhookCreated(hook.Id));
    }

    public static async Task<Ok<PagedResult<WebhookDto>>> List(WebhookService webhooks, CancellationToken cancellationToken)
    {
        var items = (await webhooks.ListAsync(cancellationToken)).Select(WebhookDto.Of).ToList();
        return TypedResults.Ok(new PagedResult<WebhookDto>(items, items.Count));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        long id, WebhookService webhooks, HttpContext context, AccessResolver access, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    public static async Task<Results<Ok<PagedResult<WebhookDeliveryDto>>, ProblemHttpResult>> Deliveries(
        long id, WebhookService webhooks, CancellationToken cancellationToken)
    {
        if ((await webhooks.ListAsync(cancellationToken)).All(w => w.Id != id)) return NotFound(id);
        var items = await webhooks.DeliveriesAsync(id, cancellationToken);
        return TypedResults.Ok(new PagedResult<WebhookDeliveryDto>(items, items.Count));
    }

    public static async Task<Results<Accepted<WebhookTestQueued>, ProblemHttpResult>> Test(
        long id, WebhookService webhooks, HttpContext context, AccessResolver access, CancellationToken cancellationToken) =>
        await webhooks.QueueTestAsync(id, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken) is { } delivery
            ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", new WebhookTestQueued(delivery))
            : NotFound(id);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "No such webhook", detail: $"There is no webhook {id}.", statusCode: 404);
}
