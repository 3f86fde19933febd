using FleetOps.Core.Settings;

namespace FleetOps.Web.Security;

/// <summary>
/// <c>FleetOps:DataProtection</c>: the certificate (a PFX shared by every node of one deployment) that encrypts the
/// Data Protection keys kept in the database. Without it, FleetOps makes a self-signed one in its data folder.
/// </summary>
public sealed class KeyProtectionOptions : ICheckedSettings
{
    public const string Section = "FleetOps:DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section);
        var configured = !string.IsNullOrWhiteSpace(CertificatePath);
        return problems
            .Require(!configured || File.Exists(CertificatePath),
                $"{problems.Key(nameof(CertificatePath))} points to '{CertificatePath}', which does not exist.")
            .Require(configured || string.IsNullOrEmpty(CertificatePassword),
                $"{problems.Key(nameof(CertificatePassword))} is set but {problems.Key(nameof(CertificatePath))} is not (which certificate is it for?).")
            .ToList();
    }
}
