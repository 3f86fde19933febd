using FleetOps.Core.Alerts;

namespace FleetOps.Web.Notifications;

/// <summary>A subscription that passed <see cref="WebhookRules"/>, not yet saved.</summary>
public sealed record WebhookDraft(Uri Url, string Secret, WebhookPreset Preset, IReadOnlySet<AlertKind> Kinds, AlertSeverity MinSeverity);
