using System.Text.RegularExpressions;
using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// Why a delivery failed, in the reader's language. The sender keeps the technical reason in English (the API's
/// <c>lastError</c>, the log: "NameResolutionError: Name or service not known (host:443)", "HTTP 502"); the delivery log
/// shows what it means for the person who set the webhook up — the address is wrong, the receiver refused — and keeps the
/// technical text beside it for whoever looks further.
/// </summary>
public static partial class DeliveryCause
{
    public static string Of(string error, IStringLocalizer<UiText> texts)
    {
        if (HttpStatus().Match(error) is { Success: true } http) return texts["Webhooks.Cause.Http", http.Groups[1].Value];
        if (RobotCode().Match(error) is { Success: true } robot) return texts["Webhooks.Cause.Robot", robot.Groups[1].Value];
        // The sender's prefixes: HttpRequestError names (NotificationSender.SendAsync), its time-out and withheld answers.
        return error switch
        {
            _ when error.StartsWith("NameResolutionError:", StringComparison.Ordinal) => texts["Webhooks.Cause.HostNotFound"],
            _ when error.StartsWith("ConnectionError:", StringComparison.Ordinal) => texts["Webhooks.Cause.Refused"],
            _ when error.StartsWith("SecureConnectionError:", StringComparison.Ordinal) => texts["Webhooks.Cause.Tls"],
            _ when error.StartsWith("No answer within", StringComparison.Ordinal) => texts["Webhooks.Cause.Timeout"],
            _ when error.StartsWith("The receiver's answer was withheld", StringComparison.Ordinal) => texts["Webhooks.Cause.Withheld"],
            _ => texts["Webhooks.Cause.Unknown"],
        };
    }

    [GeneratedRegex(@"^HTTP (\d{3})$")]
    private static partial Regex HttpStatus();

    [GeneratedRegex(@"^errcode (-?\d+):")]
    private static partial Regex RobotCode();
}
