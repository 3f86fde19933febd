using FleetOps.Core.Settings;

namespace FleetOps.Web.Security;

/// <summary><c>FleetOps:Bootstrap</c>: first-start credentials (docs/api.md §4).</summary>
public sealed class BootstrapOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Bootstrap";
    public string? ApiToken { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }

    /// <summary>
    /// A token no bearer header can carry (surrounding spaces are trimmed off the header, long ones refused), or an
    /// administrator with half the credentials, would be silently ignored; say so at start instead.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section);
        var token = ApiToken ?? "";
        return problems
            .Require(token.Length <= BearerToken.MaxLength && token.Trim().Length == token.Length,
                $"{problems.Key(nameof(ApiToken))} must be at most {BearerToken.MaxLength} characters without spaces at either end.")
            .Require(string.IsNullOrWhiteSpace(AdminEmail) == string.IsNullOrWhiteSpace(AdminPassword),
                $"{problems.Key(nameof(AdminEmail))} and {problems.Key(nameof(AdminPassword))} must be set together (one without the other creates no administrator).")
            .ToList();
    }
}
