namespace FleetOps.Web.Notifications;

/// <summary><c>201 { "id" }</c> of docs/api.md §5.</summary>
public sealed record WebhookCreated(long Id);
