using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>One line of a subscription's delivery log.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id, string Type, long? AlertId, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, string? LastError)
{
    public static WebhookDeliveryDto Of(WebhookDeliveryRow r) => new(
        r.DeliveryId, r.Type, r.AlertId, WireNames.TryParse(r.Status, out WebhookDeliveryStatus status) ? status : WebhookDeliveryStatus.Pending,
        r.Attempts, At(r.CreatedAtMs), r.LastAttemptAtMs is { } last ? At(last) : null, r.NextAttemptAtMs is { } next ? At(next) : null, r.LastError);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
