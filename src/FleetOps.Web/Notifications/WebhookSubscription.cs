using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Notifications;

/// <summary>
/// A receiver of alert notifications: where to, how (preset), signed with which shared secret, and for which alerts —
/// the kinds (empty: all) at or above a severity (<see cref="AlertSeverity"/> is ordered most urgent first).
/// </summary>
public sealed record WebhookSubscription(
    long Id, Uri Url, string Secret, WebhookPreset Preset, IReadOnlySet<AlertKind> Kinds, AlertSeverity MinSeverity,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public bool Matches(Alert alert) => alert.Severity <= MinSeverity && (Kinds.Count == 0 || Kinds.Contains(alert.Kind));

    /// <summary>
    /// The URL with every query value hidden: WeCom's and DingTalk's robot URLs carry their access key there, which is
    /// as secret as the signing secret and must not be shown back or written to the audit log.
    /// </summary>
    public string MaskedUrl => Mask(Url);

    public static string Mask(Uri url)
    {
        if (string.IsNullOrEmpty(url.Query)) return url.AbsoluteUri;
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0] + "=***");
        return url.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', keys);
    }

    public static WebhookSubscription From(WebhookRow row) => new(
        row.Id, new Uri(row.Url), row.Secret, Parse<WebhookPreset>(row.Preset),
        row.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse<AlertKind>).ToHashSet(),
        Parse<AlertSeverity>(row.MinSeverity), row.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));

    private static T Parse<T>(string wire) where T : struct, Enum =>
        WireNames.TryParse(wire, out T value) ? value : throw new InvalidDataException($"Unknown {typeof(T).Name} '{wire}' in the database.");
}
