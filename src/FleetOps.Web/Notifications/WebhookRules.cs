using FleetOps.Core.Alerts;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Notifications;

/// <summary>
/// What a subscription must be, for the API and the page alike: an absolute http(s) URL, a secret to sign with, known
/// kinds and severity and preset. Errors name the field, never the value (a secret or a robot's key must not be echoed).
/// </summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;
    public const int MaxSecretLength = 256;

    /// <summary>The draft, or the problems by field (<c>url</c>, <c>secret</c>, <c>kinds</c>, <c>minSeverity</c>, <c>preset</c>).</summary>
    public static (WebhookDraft? Draft, Dictionary<string, string[]> Errors) Check(WebhookRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Url?.Trim() ?? "";
        Uri? url = null;
        if (text.Length == 0) errors["url"] = ["'url' is required."];
        // The text rule's own reason first (a card number, a control character): a URL that holds one is not "not a URL".
        else if (text.Length <= MaxUrlLength && TextRules.Problem("url", text) is { } textProblem) errors["url"] = [textProblem];
        else if (text.Length > MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            errors["url"] = [$"'url' must be an absolute http or https URL of at most {MaxUrlLength} characters."];
        }
        var secret = request.Secret ?? "";
        if (secret.Trim().Length == 0) errors["secret"] = ["'secret' is required: every delivery is signed with it."];
        else if (secret.Length > MaxSecretLength || TextRules.Problem("secret", secret) is not null)
        {
            errors["secret"] = [$"'secret' must be plain text of at most {MaxSecretLength} characters."];
        }
        var interest = AlertInterest.Check(request.Kinds, request.MinSeverity, AlertSeverity.Warning, errors);
        var preset = WebhookPreset.Generic;
        if (request.Preset is not null && !WireNames.TryParse(request.Preset, out preset))
        {
            errors["preset"] = ["'preset' must be generic, wecom or dingtalk."];
        }
        return errors.Count > 0 ? (null, errors) : (new WebhookDraft(url!, secret, preset, interest!.Kinds, interest.MinSeverity), errors);
    }
}
