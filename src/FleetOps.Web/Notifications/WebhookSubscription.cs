using FleetOps.Core.Alerts;
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
    public AlertInterest Interest => new(Kinds, MinSeverity);

    public bool Matches(Alert alert) => Interest.Matches(alert);

    /// <summary>
    /// The URL with every query value and any user-info hidden: WeCom's and DingTalk's robot URLs carry their access key in
    /// the query, and <c>https://user:password@host/</c> carries a password — as secret as the signing secret, never to be
    /// shown back or written to the audit log.
    /// </summary>
    public string MaskedUrl => Mask(Url);

    public static string Mask(Uri url)
    {
        var path = url.UserInfo.Length == 0 ? url.GetLeftPart(UriPartial.Path) : $"{url.Scheme}://***@{url.Authority}{url.AbsolutePath}";
        if (string.IsNullOrEmpty(url.Query)) return url.UserInfo.Length == 0 ? url.AbsoluteUri : path;
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0] + "=***");
        return path + "?" + string.Join('&', keys);
    }

    public static WebhookSubscription From(WebhookRow row)
    {
        var interest = AlertInterest.FromWire(row.Kinds, row.MinSeverity);
        return new(row.Id, new Uri(row.Url), row.Secret, AlertInterest.Parse<WebhookPreset>(row.Preset), interest.Kinds, interest.MinSeverity,
            row.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
    }
}
