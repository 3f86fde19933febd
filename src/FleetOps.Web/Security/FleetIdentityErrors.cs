using Microsoft.AspNetCore.Identity;

namespace FleetOps.Web.Security;

/// <summary>
/// Identity's refusals (a password too short, an e-mail already used) in FleetOps' own English wording, so that each has a
/// <c>Problem.*</c> pattern and pages show it in the reader's language (<c>F.Message</c>) like every other refusal.
/// </summary>
public sealed class FleetIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"A password needs at least {length} characters.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "A password needs at least one digit (0–9).");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "A password needs at least one lowercase letter (a–z).");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "A password needs at least one uppercase letter (A–Z).");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"A password needs at least {uniqueChars} different characters.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"The e-mail {email} already belongs to a user.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"The e-mail {userName} already belongs to a user.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"{email} is not an e-mail address.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"{userName} is not an e-mail address.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
