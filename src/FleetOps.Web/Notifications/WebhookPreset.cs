using System.Text.Json.Serialization;

namespace FleetOps.Web.Notifications;

/// <summary>
/// What a webhook's receiver understands: FleetOps's own JSON (docs/api.md §5), or a readable text message for the group
/// robots Chinese chains use — WeCom (企业微信) and DingTalk (钉钉, whose URL must also be signed).
/// </summary>
public enum WebhookPreset
{
    [JsonStringEnumMemberName("generic")] Generic,
    [JsonStringEnumMemberName("wecom")] WeCom,
    [JsonStringEnumMemberName("dingtalk")] DingTalk,
}
