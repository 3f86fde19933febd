namespace FleetOps.Web.Security;

/// <summary>
/// <c>FleetOps:DataProtection</c>: the certificate (a PFX shared by every node of one deployment) that encrypts the
/// Data Protection keys kept in the database. Without it, FleetOps makes a self-signed one in its data folder.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "FleetOps:DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
