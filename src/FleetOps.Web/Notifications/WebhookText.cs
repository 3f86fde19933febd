using System.Globalization;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using FleetOps.Web.Localization;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The one readable line a chat robot posts per alert: severity, kind, what happened, the alert's title and the time in
/// the store's own zone with its offset. A group chat has no reader language and a chain's groups mix head-office staff
/// with store and service people, so the words FleetOps has in both languages (severity, kind, event) come in Chinese
/// then English, from the same resources as the pages; the title is the API's English sentence (<see cref="AlertTitle"/>),
/// which is mostly ids anyway. Example: <c>严重 Critical · 离线 Offline · 已产生 Opened · Terminal T1 at S1 is offline · 2026-12-01 17:55:05 +08:00</c>.
/// </summary>
public static class WebhookText
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Line(string type, AlertDto? alert, TimeZoneInfo zone, DateTimeOffset at)
    {
        var stamp = StoreTime.Stamp(at, zone);
        if (alert is null) return $"{Both("Webhooks.Robot.Test")} · {stamp}";
        return string.Join(" · ",
            Both(UiFormat.NameKey(alert.Severity)), Both(UiFormat.NameKey(alert.Kind)), Both(UiFormat.NameKey(WebhookMessage.TransitionOf(type))), alert.Title, stamp);
    }

    private static string Both(string key)
    {
        var english = CultureLocalizer<UiText>.Exact(key, CultureInfo.InvariantCulture) ?? key;
        var chinese = CultureLocalizer<UiText>.Exact(key, Chinese);
        return chinese is null || chinese == english ? english : $"{chinese} {english}";
    }
}
