namespace FleetOps.Web.Notifications;

/// <summary><c>202 { "deliveryId" }</c>: the test delivery's id, as its <c>X-FleetOps-Delivery</c> header will carry it.</summary>
public sealed record WebhookTestQueued(Guid DeliveryId);
