using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>One request a <see cref="WebhookReceiver"/> got: where to, the two FleetOps headers and the raw body.</summary>
public sealed record ReceivedWebhook(string Path, string Query, string? Signature, string? DeliveryId, byte[] Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Whether this is a generic delivery about an alert of <paramref name="store"/>.</summary>
    public bool IsFor(string store) => Json["alert"] is JsonObject alert && alert["storeCode"]?.GetValue<string>() == store;

    /// <summary>What a receiver does with its copy of the secret: HMAC the raw bytes and compare with the header.</summary>
    public bool SignedWith(string secret) =>
        Signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body));
}
