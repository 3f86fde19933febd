namespace FleetOps.Web.Notifications;

/// <summary><c>POST /api/v1/webhooks</c> (docs/api.md §5); <c>preset</c> is FleetOps's addition (generic when left out).</summary>
public sealed record WebhookRequest(string? Url, string? Secret, IReadOnlyList<string>? Kinds, string? MinSeverity, string? Preset);
