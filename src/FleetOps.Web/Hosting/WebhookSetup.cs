using FleetOps.Web.Alerts;
using FleetOps.Web.Notifications;
using Microsoft.Extensions.Options;
using Polly;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The notification outbox (issue 12): the sinks that write webhook deliveries and e-mails with alert changes, the
/// services behind the APIs and pages, the sender's HTTP client and SMTP transport. The sender itself is started by <see cref="FleetOpsSetup"/> after the database
/// is migrated.
/// </summary>
public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IAlertTransitionSink, WebhookOutbox>();
        services.AddSingleton<IAlertTransitionSink, MailOutbox>();
        services.AddSingleton<MailService>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<TokenExpiryMailer>();
        // One attempt = one request with a hard timeout from the standard resilience pipeline; no retries here — the
        // outbox's persisted back-off is the retry schedule, so it survives restarts and spans a day, not seconds.
        services.AddHttpClient(NotificationSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("webhook-attempt", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout));
        return services;
    }
}
