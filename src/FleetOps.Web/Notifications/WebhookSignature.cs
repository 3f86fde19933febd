using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FleetOps.Web.Notifications;

/// <summary>The two signatures a delivery carries: FleetOps's header (docs/api.md §5) and DingTalk's signed URL.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-FleetOps-Signature";
    public const string DeliveryHeader = "X-FleetOps-Delivery";

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of exactly the bytes sent, keyed with the secret.</summary>
    public static string Header(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// DingTalk's "加签" scheme: the robot URL plus <c>timestamp</c> (Unix ms) and <c>sign</c>, the URL-encoded base64
    /// HMAC-SHA256 of "timestamp\nsecret" keyed with the secret. DingTalk refuses a timestamp more than an hour off,
    /// so it is made at each attempt, not stored with the delivery.
    /// </summary>
    public static string DingTalkUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"));
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Convert.ToBase64String(hash))}";
    }
}
