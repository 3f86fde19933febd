using System.Xml.Linq;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Finds the stored Data Protection keys that were encrypted for another certificate than <see cref="KeyCertificate"/>:
/// a database restored or moved without its certificate file, or a deployment whose certificate was replaced. Such keys
/// can never be read here, so the sessions they signed are void; the framework says so only as one error per key with a
/// stack trace. This check says it with the cause and the remedy, before the server takes requests: as a warning on the
/// first start after the change, and only as information on the starts after it, until the keys expire.
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
        var (foreign, news) = Judge(stored, certificate.Certificate.RawData, time.GetUtcNow());
        if (foreign.Count == 0) return;
        var keys = string.Join(", ", foreign);
        // The first start after a restore or a certificate change is news; later starts find the key it made since.
        if (news) LogForeignKeys(foreign.Count, keys, certificate.Certificate.Thumbprint);
        else LogForeignKeysKnown(foreign.Count, keys);
    }

    /// <summary>
    /// The ids of the unexpired keys among <paramref name="keyXml"/> whose secret is encrypted for a certificate other
    /// than the one of <paramref name="rawCertificate"/> (ProtectKeysWithCertificate embeds the certificate it encrypted
    /// for), and whether that is news: no readable key was made after the newest of them, so the certificate changed
    /// since this deployment last made a key. Expired keys are left out: they protect nothing new and the framework
    /// drops them from use on its own.
    /// </summary>
    public static (IReadOnlyList<Guid> Foreign, bool News) Judge(IEnumerable<string> keyXml, byte[] rawCertificate, DateTimeOffset now)
    {
        var ours = Convert.ToBase64String(rawCertificate);
        var foreign = new List<Guid>();
        DateTimeOffset? newestForeign = null, newestReadable = null;
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
            var created = DateTimeOffset.TryParse((string?)key.Element("creationDate"), out var at) ? at : DateTimeOffset.MinValue;
            var certificates = key.Descendants(Signature + "X509Certificate").Select(c => c.Value.Trim()).ToList();
            if (certificates.Count > 0 && !certificates.Contains(ours, StringComparer.Ordinal))
            {
                foreign.Add(id);
                if (newestForeign is null || created > newestForeign) newestForeign = created;
            }
            else if (newestReadable is null || created > newestReadable)
            {
                newestReadable = created;
            }
        }
        return (foreign, foreign.Count > 0 && (newestReadable is null || newestReadable < newestForeign));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Data Protection key(s) in the database ({Keys}) were encrypted for another "
        + "certificate than this server's ({Thumbprint}): the database was restored or moved without its certificate, or the certificate "
        + "was replaced. Sessions signed with those keys are void (users sign in again) and a new key is made. To keep them, start with the "
        + "old certificate: FleetOps:DataProtection:CertificatePath, or dataprotection-key-certificate.pfx beside the database "
        + "(docs/operations.md, \"Keep the certificate with the backups\").")]
    private partial void LogForeignKeys(int count, string keys, string thumbprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} Data Protection key(s) in the database ({Keys}) stay unreadable "
        + "with this server's certificate until they expire; a newer key is in use (said as a warning on the first start after the change)")]
    private partial void LogForeignKeysKnown(int count, string keys);
}
