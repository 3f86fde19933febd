using FleetOps.Core.Detection;
using System.Text.RegularExpressions;
using FleetOps.Core.Text;

namespace FleetOps.Web.Api;

/// <summary>
/// What a store or terminal registration must look like, field by field. One copy for every door: the register endpoints
/// and the bulk import ask the same questions, so a file cannot bring in what the API would refuse.
/// Errors name the field, never quote the value (it may be a card number). The errors are keyed by the API's field names;
/// the messages name the field as the API does, or as the form labels it when the caller passes <c>label</c> (the pages:
/// "'Store name' is required." reads better under a form than "'name' is required.").
/// </summary>
public static partial class RegistrationRules
{
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex IdentifierPattern();

    /// <summary>An acquirer as settlement reports are imported under it ("unionpay", "lakala", "icbc-shanghai").</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex AcquirerPattern();

    /// <summary>The acquirer name rule, also for the names of its saved report profiles (same shape: "unionpay-daily").</summary>
    public static bool IsAcquirerName(string? text) => text is not null && AcquirerPattern().IsMatch(text);

    /// <summary>The refusal of a name that breaks <see cref="IsAcquirerName"/> where a request names an acquirer (never quoting it).</summary>
    public const string AcquirerNameProblem = "'acquirer' is a lower-case acquirer name (e.g. unionpay).";

    /// <summary>Versions as vendors write them ("V3.2.1_20260101", "3.3.0-rc.1+b5", "3.3.0 beta 2"); whether one can be
    /// ordered is <see cref="SoftwareVersion.TryParse"/>'s question, asked after this.</summary>
    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9._+-]| (?=[A-Za-z0-9]))*$")]
    private static partial Regex VersionPattern();

    public static Dictionary<string, string[]> StoreProblems(CreateStoreRequest request, Func<string, string>? label = null)
    {
        var errors = new Dictionary<string, string[]>();
        var named = label ?? (field => field);
        Require(errors, named, "code", request.Code, 32, IdentifierPattern());
        Require(errors, named, "name", request.Name, 200);
        Require(errors, named, "region", request.Region, 100);
        Require(errors, named, "timeZone", request.TimeZone, 64);
        if (request.TimeZone is { Length: > 0 } zone && !errors.ContainsKey("timeZone") && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["timeZone"] = [$"'{zone}' is not a known IANA time zone (e.g. Asia/Shanghai)."];
        }
        Optional(errors, named, "acquirer", request.Acquirer, 32, AcquirerPattern());
        if (errors.ContainsKey("acquirer") && request.Acquirer is { } acquirer && TextRules.Problem("acquirer", acquirer) is null)
        {
            errors["acquirer"] = [$"'{named("acquirer")}' is a lower-case name of letters, digits, '-' and '_' (e.g. unionpay), at most 32 characters."];
        }
        Optional(errors, named, "merchantId", request.MerchantId, 64, IdentifierPattern(), acquirerIdentifier: true);
        if (request.MerchantId is not null && request.Acquirer is null && !errors.ContainsKey("merchantId"))
        {
            errors["merchantId"] = [$"'{named("merchantId")}' belongs to an acquirer: give '{named("acquirer")}' too."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> TerminalProblems(CreateTerminalRequest request, Func<string, string>? label = null)
    {
        var errors = new Dictionary<string, string[]>();
        var named = label ?? (field => field);
        Require(errors, named, "terminalId", request.TerminalId, 64, IdentifierPattern());
        Require(errors, named, "storeCode", request.StoreCode, 32);
        Require(errors, named, "model", request.Model, 64);
        Optional(errors, named, "serialNumber", request.SerialNumber, 64);
        Optional(errors, named, "acquirerTerminalId", request.AcquirerTerminalId, 64, IdentifierPattern(), acquirerIdentifier: true);
        return errors;
    }

    public static Dictionary<string, string[]> SoftwareTargetProblems(string model, SoftwareTargetRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Func<string, string> named = field => field;
        Require(errors, named, "model", model, 64);
        Require(errors, named, "appVersion", request.AppVersion, 32, VersionPattern());
        Require(errors, named, "firmwareVersion", request.FirmwareVersion, 32, VersionPattern());
        Optional(errors, named, "minimumAppVersion", request.MinimumAppVersion, 32, VersionPattern());
        foreach (var (field, value) in new[] { ("appVersion", request.AppVersion), ("firmwareVersion", request.FirmwareVersion), ("minimumAppVersion", request.MinimumAppVersion) })
        {
            if (value is not null && !errors.ContainsKey(field) && !SoftwareVersion.TryParse(value, out _, out var reason))
                errors[field] = [$"'{field}' cannot be ordered against terminal versions: {reason}."];
        }
        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, Func<string, string> named, string field, string? value, int maxLength,
        Regex? pattern = null)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"'{named(field)}' is required."];
        else Optional(errors, named, field, value, maxLength, pattern);
    }

    /// <summary>
    /// The text rule comes first: a card number grouped by spaces also breaks the identifier pattern, and the caller must
    /// learn the real reason (FleetRegistry applies the same rule, so nothing reaches the database without it).
    /// </summary>
    private static void Optional(Dictionary<string, string[]> errors, Func<string, string> named, string field, string? value, int maxLength,
        Regex? pattern = null, bool acquirerIdentifier = false)
    {
        if (value is null) return;
        if (TextRules.Problem(named(field), value, acquirerIdentifier: acquirerIdentifier) is { } problem) errors[field] = [problem];
        else if (value.Length > maxLength) errors[field] = [$"'{named(field)}' may be at most {maxLength} characters."];
        else if (pattern is not null && !pattern.IsMatch(value)) errors[field] = [$"'{named(field)}' has characters that are not allowed."];
    }

    /// <summary>An optional identifier as given: blank is none.</summary>
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A field added after a PUT's first clients (the acquirer's ids): left out keeps it, blank removes it.</summary>
    public static string? Kept(string? value, string? current) => value is null ? current : Given(value);
}
