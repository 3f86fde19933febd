namespace FleetOps.Web.Notifications;

/// <summary>
/// Whose turn a delivery waits for: a webhook, or a person's e-mail subscription (exactly one is set). Each receiver's
/// deliveries go one at a time, so one dead webhook or one refused mailbox holds up only itself.
/// </summary>
public readonly record struct DeliveryReceiver(long? WebhookId, long? MailSubscriptionId)
{
    public override string ToString() => WebhookId is { } id ? $"webhook {id}" : $"mail subscription {MailSubscriptionId}";
}
