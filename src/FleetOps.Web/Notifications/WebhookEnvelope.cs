using FleetOps.Web.Api;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The generic preset's body (docs/api.md §5): <c>{ "type", "alert" }</c>. A test delivery has <c>type: "test"</c> and
/// <c>alert: null</c>, so a receiver can tell it from a real alert without guessing.
/// </summary>
public sealed record WebhookEnvelope(string Type, AlertDto? Alert);
