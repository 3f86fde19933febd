using System.Net.Mail;
using System.Text.RegularExpressions;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// What a user created through the API must look like, field by field (PROTOCOL §4b). The pages cannot send most of these
/// mistakes (their pickers offer only known stores and regions), so the rules a form enforces by its shape are asked
/// here; <see cref="UserAdministration"/> still applies the text rule itself. Errors are keyed by the API's field names
/// and quote a value only once it passed the text rule, so a card number is never echoed.
/// </summary>
public static partial class UserRules
{
    /// <summary>The pages' limits (the user dialog's fields), and Identity's column for the e-mail.</summary>
    public const int MaxEmailLength = 256, MaxDisplayNameLength = 100;

    /// <summary>
    /// Identity checks an e-mail for an "@" only; people are found and signed in by it, so it must be an address:
    /// one "@", no spaces, a dotted domain.
    /// </summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailShape();

    /// <summary>The draft to create, or the errors; the password is Identity's to judge (<see cref="UsersApi"/>).</summary>
    public static (UserDraft? Draft, Dictionary<string, string[]> Errors) Check(CreateUserRequest request, StoreDirectory stores)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = Text(errors, "email", request.Email, MaxEmailLength);
        if (email is not null && !IsEmail(email)) errors["email"] = [$"{email} is not an e-mail address."];
        var displayName = Text(errors, "displayName", request.DisplayName, MaxDisplayNameLength);
        UserRole? role = null;
        if (string.IsNullOrWhiteSpace(request.Role)) errors["role"] = ["'role' is required."];
        else if (WireNames.TryParse<UserRole>(request.Role, out var parsed)) role = parsed;
        else errors["role"] = [$"'role' {WireNames.OneOf<UserRole>()}"];
        var regions = Known(errors, "regions", request.Regions, r => KnownRegion(stores, r), r => $"No store is in a region named '{r}'.");
        var storeCodes = Known(errors, "stores", request.Stores, s => stores.Get(s)?.Code, s => $"No store has code '{s}'.");
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["'password' is required."];
        if (role is { } given) RequireScope(errors, given, regions, storeCodes);
        if (errors.Count > 0) return (null, errors);

        // Administrators see every store: a stored scope would only confuse a later demotion (the user dialog drops it too).
        var administrator = role == UserRole.Administrator;
        return (new UserDraft(email!, displayName!, Roles.Of(role!.Value), administrator ? [] : regions, administrator ? [] : storeCodes), errors);
    }

    /// <summary>The role's least scope (<see cref="UserScopeRule"/>, the user dialog's rule too), unless that field is already wrong.</summary>
    private static void RequireScope(Dictionary<string, string[]> errors, UserRole role, IReadOnlyList<string> regions, IReadOnlyList<string> stores)
    {
        if (UserScopeRule.Missing(Roles.Of(role), regions.Count, stores.Count) is { } missing && !errors.ContainsKey(missing.Field))
        {
            errors[missing.Field] = [missing.Problem];
        }
    }

    private static bool IsEmail(string text) =>
        EmailShape().IsMatch(text) && MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    /// <summary>A required single-line text, trimmed; null (with the error) when missing or refused.</summary>
    private static string? Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"'{field}' is required."];
        else if (TextRules.Problem(field, value) is { } problem) errors[field] = [problem];
        else if (value.Trim().Length > maxLength) errors[field] = [$"'{field}' may be at most {maxLength} characters."];
        else return value.Trim();
        return null;
    }

    /// <summary>
    /// Each listed value as FleetOps spells it (a store's code, a region's name, letter case as registered), duplicates
    /// dropped; the first bad one is the field's error.
    /// </summary>
    private static List<string> Known(Dictionary<string, string[]> errors, string field, IReadOnlyList<string?>? values,
        Func<string, string?> find, Func<string, string> unknown)
    {
        var known = new List<string>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"'{field}' holds an empty value."];
            else if (TextRules.Problem(field, value) is { } problem) errors[field] = [problem];
            else if (find(value.Trim()) is { } spelled)
            {
                if (!known.Contains(spelled, StringComparer.OrdinalIgnoreCase)) known.Add(spelled);
                continue;
            }
            else errors[field] = [unknown(Shown(value.Trim()))];
            break;
        }
        return known;
    }

    /// <summary>A value echoed in an error, cut short: the body may hold a long one.</summary>
    private static string Shown(string value) => value.Length <= 100 ? value : value[..100] + "…";

    /// <summary>A region exists while a store is in it: regions are the stores' region names, as the user dialog lists them.</summary>
    private static string? KnownRegion(StoreDirectory stores, string region) =>
        stores.All.FirstOrDefault(s => string.Equals(s.Region, region, StringComparison.OrdinalIgnoreCase))?.Region;
}
