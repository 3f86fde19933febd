using System.Text.Json;
using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Alerts;
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

    /// <summary>An e-mail to the owner of an API token that expires within a week (never a webhook).</summary>
    public const string TokenExpiring = "token.expiring";

    /// <summary>The event type a transition is announced as, or null when it is not announced (seen again, severity changed).</summary>
    public static string? TypeOf(AlertTransition transition) => transition switch
    {
        AlertTransition.Opened or AlertTransition.Reopened => Opened,
        AlertTransition.Acknowledged => Acknowledged,
        AlertTransition.Resolved => Resolved,
        _ => null,
    };

    /// <summary>The transition an announced event type stands for (a test reads as opened).</summary>
    public static AlertTransition TransitionOf(string type) => type switch
    {
        Acknowledged => AlertTransition.Acknowledged,
        Resolved => AlertTransition.Resolved,
        _ => AlertTransition.Opened,
    };

    /// <summary>The changes that are announced — opened or reopened, acknowledged, resolved — of alerts not muted now, with their event type.</summary>
    public static IReadOnlyList<(Alert Alert, string Type)> Announced(IReadOnlyList<AlertChange> saved, AlertBook book, DateTimeOffset now) => saved
        .Select(c => (c.Alert, Type: TypeOf(c.Transition)))
        .Where(c => c.Type is not null && !book.IsMuted(c.Alert.Subject, now))
        .Select(c => (c.Alert, c.Type!))
        .ToList();

    public static WebhookDeliveryRow Delivery(
        WebhookSubscription hook, string type, AlertDto? alert, TimeZoneInfo zone, DateTimeOffset now, JsonSerializerOptions json)
    {
        var row = Queued(type, alert?.Id, Body(hook.Preset, type, alert, zone, now, json), now);
        row.WebhookId = hook.Id;
        return row;
    }

    /// <summary>A new delivery of either channel, due at once; the caller names its receiver.</summary>
    public static WebhookDeliveryRow Queued(string type, long? alertId, string body, DateTimeOffset now) => new()
    {
        DeliveryId = Guid.NewGuid(),
        Type = type,
        AlertId = alertId,
        Body = body,
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
