using System.Xml.Linq;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Finds the stored Data Protection keys that were encrypted for another certificate than <see cref="KeyCertificate"/>:
/// a database restored or moved without its certificate file, or a deployment whose certificate was replaced. Such keys
/// can never be read here, so the sessions they signed are void; the framework says so only as one error per key with a
/// stack trace. This check says it once, with the cause and the remedy, before the server takes requests.
/// </summary>
public sealed partial class KeyRingCertificateCheck(
    FleetDbContextFactory databases,
    KeyCertificate certificate,
    TimeProvider time,
    ILogger<KeyRingCertificateCheck> logger)
{
    private static readonly XNamespace Signature = "http://www.w3.org/2000/09/xmldsig#";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        List<string> stored;
        await using (var db = databases.CreateDbContext())
        {
            stored = await db.DataProtectionKeys.Where(k => k.Xml != null).Select(k => k.Xml!).ToListAsync(cancellationToken);
        }
        var foreign = Foreign(stored, certificate.Certificate.RawData, time.GetUtcNow());
        if (foreign.Count > 0) LogForeignKeys(foreign.Count, string.Join(", ", foreign), certificate.Certificate.Thumbprint);
    }

    /// <summary>
    /// The ids of the unexpired keys among <paramref name="keyXml"/> whose secret is encrypted for a certificate other
    /// than the one of <paramref name="rawCertificate"/> (ProtectKeysWithCertificate embeds the certificate it encrypted
    /// for). Expired keys are left out: they protect nothing new and the framework drops them from use on its own.
    /// </summary>
    public static IReadOnlyList<Guid> Foreign(IEnumerable<string> keyXml, byte[] rawCertificate, DateTimeOffset now)
    {
        var ours = Convert.ToBase64String(rawCertificate);
        var foreign = new List<Guid>();
        foreach (var xml in keyXml)
        {
            XElement key;
            try
            {
                key = XElement.Parse(xml);
            }
            catch (System.Xml.XmlException)
            {
                continue; // not ours to judge: the framework reports a key it cannot parse
            }
            if (key.Name.LocalName != "key" || !Guid.TryParse((string?)key.Attribute("id"), out var id)) continue;
            if (DateTimeOffset.TryParse((string?)key.Element("expirationDate"), out var expires) && expires <= now) continue;
            var certificates = key.Descendants(Signature + "X509Certificate").Select(c => c.Value.Trim()).ToList();
            if (certificates.Count > 0 && !certificates.Contains(ours, StringComparer.Ordinal)) foreign.Add(id);
        }
        return foreign;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Data Protection key(s) in the database ({Keys}) were encrypted for another "
        + "certificate than this server's ({Thumbprint}): the database was restored or moved without its certificate, or the certificate "
        + "was replaced. Sessions signed with those keys are void (users sign in again) and a new key is made. To keep them, start with the "
        + "old certificate: FleetOps:DataProtection:CertificatePath, or dataprotection-key-certificate.pfx beside the database "
        + "(docs/operations.md, \"Keep the certificate with the backups\").")]
    private partial void LogForeignKeys(int count, string keys, string thumbprint);
}
