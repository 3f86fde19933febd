using FleetOps.Core.Alerts;

namespace FleetOps.Web.Notifications;

/// <summary><c>PUT /api/v1/me/notifications</c>: <c>{ "enabled", "kinds": [], "minSeverity" }</c>, all three required.</summary>
public sealed record MailSettingsRequest(bool? Enabled, IReadOnlyList<string>? Kinds, string? MinSeverity)
{
    /// <summary>The interest asked for, or the problems by field (<c>enabled</c>, <c>kinds</c>, <c>minSeverity</c>).</summary>
    public (AlertInterest? Interest, Dictionary<string, string[]> Errors) Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (Enabled is null) errors["enabled"] = ["'enabled' is required (true or false)."];
        if (MinSeverity is null) errors["minSeverity"] = ["'minSeverity' is required: critical, warning or info."];
        var interest = AlertInterest.Check(Kinds, MinSeverity, AlertSeverity.Warning, errors);
        return (errors.Count == 0 ? interest : null, errors);
    }
}
