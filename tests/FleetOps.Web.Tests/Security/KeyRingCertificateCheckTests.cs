using FleetOps.Web.Security;

namespace FleetOps.Web.Tests.Security;

/// <summary>Which stored keys the start-up names as encrypted for another certificate (the whole start: DataProtectionKeyTests).</summary>
public sealed class KeyRingCertificateCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Ours = [1, 2, 3, 4];
    private static readonly byte[] Theirs = [9, 8, 7, 6];

    [Fact]
    public void Only_unexpired_keys_for_another_certificate_are_named()
    {
        var foreignLive = Guid.NewGuid();
        var keys = new[]
        {
            Key(Guid.NewGuid(), Now.AddDays(30), Ours),
            Key(foreignLive, Now.AddDays(30), Theirs),
            Key(Guid.NewGuid(), Now.AddDays(-1), Theirs), // expired: protects nothing new
            "<revocation version=\"1\"><revocationDate>2026-12-01T00:00:00Z</revocationDate></revocation>",
            "not xml at all",
        };

        Assert.Equal([foreignLive], KeyRingCertificateCheck.Foreign(keys, Ours, Now));
    }

    [Fact]
    public void A_key_stored_without_encryption_is_readable_by_anyone_and_not_named()
    {
        var plain = $"<key id=\"{Guid.NewGuid()}\" version=\"1\"><expirationDate>{Now.AddDays(30):O}</expirationDate><descriptor><masterKey>x</masterKey></descriptor></key>";

        Assert.Empty(KeyRingCertificateCheck.Foreign([plain], Ours, Now));
    }

    private static string Key(Guid id, DateTimeOffset expires, byte[] certificate) =>
        $"<key id=\"{id}\" version=\"1\"><expirationDate>{expires:O}</expirationDate><descriptor><encryptedSecret>"
        + "<EncryptedData xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
        + "<EncryptedKey xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
        + $"<X509Certificate>{Convert.ToBase64String(certificate)}</X509Certificate></X509Data></KeyInfo></EncryptedKey></KeyInfo>"
        + "</EncryptedData></encryptedSecret></descriptor></key>";
}
