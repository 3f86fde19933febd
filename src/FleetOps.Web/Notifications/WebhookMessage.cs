using System.Text.Json;
using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>
/// A delivery as it is stored: the body is made once, here, with the API's JSON options, so the stored bytes are the
/// bytes sent and signed on every attempt.
/// </summary>
public static class WebhookMessage
{
    public const string Opened = "alert.opened";
    public const string Acknowledged = "alert.acknowledged";
    public const string Resolved = "alert.resolved";
    public const string Test = "test";

    /// <summary>The event type a transition is announced as, or null when it is not announced (seen again, severity changed).</summary>
    public static string? TypeOf(AlertTransition transition) => transition switch
    {
        AlertTransition.Opened or AlertTransition.Reopened => Opened,
        AlertTransition.Acknowledged => Acknowledged,
        AlertTransition.Resolved => Resolved,
        _ => null,
    };

    public static WebhookDeliveryRow Delivery(
        WebhookSubscription hook, string type, AlertDto? alert, TimeZoneInfo zone, DateTimeOffset now, JsonSerializerOptions json) => new()
    {
        WebhookId = hook.Id,
        DeliveryId = Guid.NewGuid(),
        Type = type,
        AlertId = alert?.Id,
        Body = Body(hook.Preset, type, alert, zone, now, json),
        Status = WebhookDeliveryStatus.Pending.ToWire(),
        CreatedAtMs = now.ToUnixTimeMilliseconds(),
        NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
    };

    public static string Body(WebhookPreset preset, string type, AlertDto? alert, TimeZoneInfo zone, DateTimeOffset now, JsonSerializerOptions json) =>
        preset == WebhookPreset.Generic
            ? JsonSerializer.Serialize(new WebhookEnvelope(type, alert), json)
            // WeCom's and DingTalk's robots take the same text message shape.
            : JsonSerializer.Serialize(new { msgtype = "text", text = new { content = WebhookText.Line(type, alert, zone, now) } }, json);
}
