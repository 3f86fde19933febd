using FleetOps.Core.Alerts;

namespace FleetOps.Web.Notifications;

/// <summary>A subscription as <c>GET /api/v1/webhooks</c> shows it: never the secret, and the URL with its query values hidden.</summary>
public sealed record WebhookDto(
    long Id, string Url, WebhookPreset Preset, IReadOnlyList<AlertKind> Kinds, AlertSeverity MinSeverity, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static WebhookDto Of(WebhookSubscription s) =>
        new(s.Id, s.MaskedUrl, s.Preset, s.Kinds.Order().ToList(), s.MinSeverity, s.CreatedBy, s.CreatedAt);
}
