using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>
/// One line of a subscription's delivery log. <see cref="Subject"/> is an e-mail's subject line (null for a webhook): it
/// says what the mail was about — twenty offline terminals are twenty different rows —, read from the stored mail, so
/// rows written before it was shown have it too. <see cref="WaitsFor"/>: a pending mail held back by an earlier pending
/// mail about the same alert to the same person (<see cref="MailOrder"/>) names that one; null otherwise. <see cref="Alerts"/>: how many alerts a mail digest (<see cref="MailDigest"/>) held,
/// listed as its first delivery; null for any other.
/// </summary>
public sealed record WebhookDeliveryDto(
    Guid Id, string Type, long? AlertId, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, string? LastError, string? Subject = null, Guid? WaitsFor = null, int? Alerts = null)
{
    /// <summary>The row's line; a mail's <see cref="Subject"/> and digest are filled in by <see cref="MailService"/>, which reads its stored mail once.</summary>
    public static WebhookDeliveryDto Of(WebhookDeliveryRow r) => new(
        r.DeliveryId, r.Type, r.AlertId, WireNames.TryParse(r.Status, out WebhookDeliveryStatus status) ? status : WebhookDeliveryStatus.Pending,
        r.Attempts, At(r.CreatedAtMs), r.LastAttemptAtMs is { } last ? At(last) : null, r.NextAttemptAtMs is { } next ? At(next) : null, r.LastError);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
