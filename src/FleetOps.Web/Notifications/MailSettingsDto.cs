using FleetOps.Core.Alerts;

namespace FleetOps.Web.Notifications;

/// <summary>
/// <c>GET /api/v1/me/notifications</c>: the caller's e-mail notifications — whether this server sends mail at all
/// (<c>mailEnabled</c>), the address they go to, on or off, kinds (empty: all) and minimum severity.
/// </summary>
public sealed record MailSettingsDto(bool MailEnabled, string Email, bool Enabled, IReadOnlyList<AlertKind> Kinds, AlertSeverity MinSeverity)
{
    public static MailSettingsDto Of(bool mailEnabled, string email, MailSubscription s) =>
        new(mailEnabled, email, s.Enabled, s.Interest.Kinds.Order().ToList(), s.Interest.MinSeverity);
}
