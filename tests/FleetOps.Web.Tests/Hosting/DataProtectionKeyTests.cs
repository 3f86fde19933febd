using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// Data Protection keys (they protect the sign-in cookie) live in the database, encrypted with a certificate: a copy of
/// the database cannot forge sessions, and every node of one deployment — or the same node after a restart — reads them.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task Keys_are_in_the_database_encrypted_with_the_data_folders_own_certificate_readable_by_the_owner_only()
    {
        await using var app = new FleetOpsApp();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Technician));

        var certificate = app.GetService<KeyCertificate>();
        var keys = await KeysAsync(app);

        Assert.Equal(Path.Combine(FleetOpsApp.DatabaseFolder, KeyCertificate.SelfSignedFileName), certificate.SelfSignedPath);
        AssertEncryptedWith(certificate.Certificate, keys);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate.SelfSignedPath!));
        }
    }

    [Fact]
    public async Task A_configured_certificate_encrypts_the_keys()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"fleetops-dp-{Guid.NewGuid():N}.pfx");
        using var configured = NewCertificate();
        await File.WriteAllBytesAsync(pfx, configured.Export(X509ContentType.Pfx, "pfx-secret"));
        try
        {
            await using var app = WithCertificate(pfx);
            using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Technician));

            Assert.Null(app.GetService<KeyCertificate>().SelfSignedPath);
            AssertEncryptedWith(configured, await KeysAsync(app));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_signs_the_user_in_after_it()
    {
        var database = FleetOpsApp.NewDatabasePath();
        string cookie;
        IReadOnlyList<string> keysBefore;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = database, DeleteDatabaseOnDispose = false }))
        {
            cookie = await first.SignedInCookieAsync(await first.CreateUserAsync(Roles.Technician));
            await Expect.StatusAsync(await GetWithCookieAsync(first, cookie), HttpStatusCode.OK);
            keysBefore = await KeysAsync(first);
        }

        await using var second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = database });

        await Expect.StatusAsync(await GetWithCookieAsync(second, cookie), HttpStatusCode.OK);
        Assert.Equal(keysBefore, await KeysAsync(second)); // the same key, read back from the database
    }

    [Fact]
    public async Task A_database_started_with_another_certificate_says_so_once_and_users_sign_in_anew()
    {
        var database = FleetOpsApp.NewDatabasePath();
        string cookie;
        string keyId;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = database, DeleteDatabaseOnDispose = false }))
        {
            cookie = await first.SignedInCookieAsync(await first.CreateUserAsync(Roles.Technician));
            keyId = (string)System.Xml.Linq.XElement.Parse((await KeysAsync(first)).Single()).Attribute("id")!;
        }
        // As a restore without the data folder's certificate: the same database, another certificate.
        var pfx = Path.Combine(Path.GetTempPath(), $"fleetops-dp-{Guid.NewGuid():N}.pfx");
        using var replacement = NewCertificate();
        await File.WriteAllBytesAsync(pfx, replacement.Export(X509ContentType.Pfx, "pfx-secret"));
        try
        {
            await using var second = WithCertificate(pfx, database);
            _ = second.GetService<KeyCertificate>(); // started

            var said = await Eventually.MatchesAsync(() => Task.FromResult(LogFiles.Lines(replacement.Thumbprint)), lines => lines.Count > 0,
                "the start's warning about keys of another certificate");
            var warning = Assert.Single(said);
            Assert.Contains(keyId, warning, StringComparison.Ordinal);
            Assert.Contains("sign in again", warning, StringComparison.Ordinal);

            Assert.NotEqual(HttpStatusCode.OK, (await GetWithCookieAsync(second, cookie)).StatusCode); // the old session is void
            using var browser = await second.SignedInBrowserAsync(await second.CreateUserAsync(Roles.Technician)); // a new one works
            // The framework's own error for the unreadable key: once, not once per retry (it retried ten times, 200 ms apart).
            Assert.Single(LogFiles.Lines(keyId), line => line.Contains("An exception occurred while processing the key element", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    /// <summary>The terminal list, with a browser's cookie only (also used by the PostgreSQL tests).</summary>
    internal static async Task<HttpResponseMessage> GetWithCookieAsync(FleetOpsApp app, string cookie)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/terminals");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    internal static async Task<IReadOnlyList<string>> KeysAsync(FleetOpsApp app)
    {
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>Each key's secret is an XML-encrypted blob for this certificate; no plain master key is stored.</summary>
    internal static void AssertEncryptedWith(X509Certificate2 certificate, IReadOnlyList<string> keys)
    {
        Assert.NotEmpty(keys);
        foreach (var xml in keys)
        {
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(certificate.RawData), xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    internal static FleetOpsApp WithCertificate(string pfx, string? databasePath = null) => FleetOpsApp.Create(new FleetOpsAppOptions
    {
        DatabasePath = databasePath,
        Settings = new Dictionary<string, string?>
        {
            ["FleetOps:DataProtection:CertificatePath"] = pfx,
            ["FleetOps:DataProtection:CertificatePassword"] = "pfx-secret",
        },
    });

    internal static X509Certificate2 NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FleetOps test deployment", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
