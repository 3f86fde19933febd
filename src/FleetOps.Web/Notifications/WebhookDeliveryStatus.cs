using System.Text.Json.Serialization;

namespace FleetOps.Web.Notifications;

/// <summary>Where one delivery stands: still to be sent (first time or a retry), answered with 2xx, or given up after the back-off ran out.</summary>
public enum WebhookDeliveryStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("failed")] Failed,
}
