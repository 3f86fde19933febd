using FleetOps.Web.Notifications;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The Message-ID's right-hand side: the public address's host when one is set, else <c>fleetops</c>.</summary>
public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("", "fleetops")]
    [InlineData("https://fleetops.example.com/", "fleetops.example.com")]
    [InlineData("http://127.0.0.1:5098", "127.0.0.1")]
    [InlineData("http://[::1]:5098/", "fleetops")]
    [InlineData("https://运维.example/", "xn--6o0a585a.example")]
    public void The_message_id_domain_is_the_public_hosts(string publicBaseUrl, string domain) =>
        Assert.Equal(domain, new MailOptions { PublicBaseUrl = publicBaseUrl }.MessageIdDomain);
}
