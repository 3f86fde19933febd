using FleetOps.Web.Localization;
using FleetOps.Web.Notifications;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>How the webhooks page words a preset, a delivery's event and status (the enumerations live in Web, not Core, so they have their own keys).</summary>
public static class WebhookLook
{
    public static string Preset(WebhookPreset preset, IStringLocalizer<UiText> texts) => preset switch
    {
        WebhookPreset.WeCom => texts["Webhooks.Preset.WeCom"],
        WebhookPreset.DingTalk => texts["Webhooks.Preset.DingTalk"],
        _ => texts["Webhooks.Preset.Generic"],
    };

    public static string Status(WebhookDeliveryStatus status, IStringLocalizer<UiText> texts) => status switch
    {
        WebhookDeliveryStatus.Delivered => texts["Webhooks.Status.Delivered"],
        WebhookDeliveryStatus.Failed => texts["Webhooks.Status.Failed"],
        _ => texts["Webhooks.Status.Pending"],
    };

    public static Color Colour(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Delivered => Color.Success,
        WebhookDeliveryStatus.Failed => Color.Error,
        _ => Color.Warning,
    };

    /// <summary>A delivery's event as the alert pages word the transition; a test as a test.</summary>
    public static string Event(string type, IStringLocalizer<UiText> texts) => type switch
    {
        WebhookMessage.Opened => texts["Enum.AlertTransition.opened"],
        WebhookMessage.Acknowledged => texts["Enum.AlertTransition.acknowledged"],
        WebhookMessage.Resolved => texts["Enum.AlertTransition.resolved"],
        WebhookMessage.TokenExpiring => texts["Mail.TokenExpiring.Event"],
        _ => texts["Webhooks.Event.Test"],
    };
}
