using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FleetOps.Web.Security;

/// <summary>
/// The certificate whose public key encrypts every Data Protection key before it is stored (cookies, anti-forgery
/// tokens and circuits are protected by those keys), so a copy of the database alone cannot forge a session.
/// </summary>
public sealed class KeyCertificate(X509Certificate2 certificate, string? selfSignedPath) : IDisposable
{
    public const string SelfSignedFileName = "dataprotection-key-certificate.pfx";

    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>Where the self-signed certificate lives when none was configured; null for a configured one.</summary>
    public string? SelfSignedPath { get; } = selfSignedPath;

    /// <summary>The configured certificate, or the data folder's self-signed one (made on first start).</summary>
    public static KeyCertificate Load(KeyProtectionOptions options, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            // That the file exists is checked with the other settings (KeyProtectionOptions.Problems); whether the
            // password opens it is known only by opening it.
            X509Certificate2 configured;
            try
            {
                configured = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            }
            catch (CryptographicException ex)
            {
                throw new InvalidOperationException(
                    $"{KeyProtectionOptions.Section}:CertificatePath '{options.CertificatePath}' cannot be read with {KeyProtectionOptions.Section}:CertificatePassword: {ex.Message}", ex);
            }
            // Without its private key the certificate encrypts new keys but can never read them back: every start would
            // make a new key (signing everybody out) and no other node could read this one's.
            if (!configured.HasPrivateKey)
            {
                configured.Dispose();
                throw new InvalidOperationException(
                    $"{KeyProtectionOptions.Section}:CertificatePath '{options.CertificatePath}' holds no private key; export the certificate with its private key.");
            }
            return new KeyCertificate(configured, null);
        }
        var path = Path.Combine(Path.GetFullPath(dataFolder), SelfSignedFileName);
        if (!File.Exists(path)) CreateSelfSigned(path);
        return new KeyCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, null), path);
    }

    /// <summary>
    /// Writes a new self-signed certificate with its private key, readable by the owner only. Written to a temporary
    /// file and moved into place, so two apps starting on one folder at once both end up with the same certificate.
    /// </summary>
    private static void CreateSelfSigned(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FleetOps Data Protection (self-signed)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // Data Protection does not check validity dates; a long life only avoids a misleading "expired" in tools.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, file))
        {
            stream.Write(certificate.Export(X509ContentType.Pfx));
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another app made it first: use theirs
        }
    }

    public void Dispose() => Certificate.Dispose();
}
