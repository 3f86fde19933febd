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

        Assert.Equal([foreignLive], KeyRingCertificateCheck.Judge(keys, Ours, Now).Foreign);
    }

    [Fact]
    public void Keys_of_another_certificate_are_news_until_a_readable_key_is_made_after_them()
    {
        var restored = Key(Guid.NewGuid(), Now.AddDays(30), Theirs, created: Now.AddDays(-60));

        Assert.True(KeyRingCertificateCheck.Judge([restored], Ours, Now).News); // the first start after the restore
        Assert.True(KeyRingCertificateCheck.Judge([restored, Key(Guid.NewGuid(), Now.AddDays(80), Ours, created: Now.AddDays(-70))], Ours, Now).News);
        Assert.False(KeyRingCertificateCheck.Judge([restored, Key(Guid.NewGuid(), Now.AddDays(90), Ours, created: Now)], Ours, Now).News);
    }

    [Fact]
    public void A_key_stored_without_encryption_is_readable_by_anyone_and_not_named()
    {
        var plain = $"<key id=\"{Guid.NewGuid()}\" version=\"1\"><expirationDate>{Now.AddDays(30):O}</expirationDate><descriptor><masterKey>x</masterKey></descriptor></key>";

        Assert.Empty(KeyRingCertificateCheck.Judge([plain], Ours, Now).Foreign);
    }

    private static string Key(Guid id, DateTimeOffset expires, byte[] certificate, DateTimeOffset? created = null) =>
        $"<key id=\"{id}\" version=\"1\"><creationDate>{(created ?? Now.AddDays(-1)):O}</creationDate><expirationDate>{expires:O}</expirationDate><descriptor><encryptedSecret>"
        + "<EncryptedData xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
        + "<EncryptedKey xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
        + $"<X509Certificate>{Convert.ToBase64String(certificate)}</X509Certificate></X509Data></KeyInfo></EncryptedKey></KeyInfo>"
        + "</EncryptedData></encryptedSecret></descriptor></key>";
}
