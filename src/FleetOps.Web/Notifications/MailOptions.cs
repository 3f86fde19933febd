using FleetOps.Core.Settings;
using MailKit.Security;
using MimeKit;

namespace FleetOps.Web.Notifications;

/// <summary>
/// <c>FleetOps:Mail</c>: the SMTP server e-mail notifications go through. Mail is off while <see cref="Host"/> is empty
/// (the default): nothing is queued for it and the notifications page says so.
/// </summary>
public sealed class MailOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Mail";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>MailKit's choice: <c>Auto</c> (TLS on port 465, STARTTLS when offered elsewhere), <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Signs in to the server when set (with <see cref="Password"/>); many relays inside a company need none.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "FleetOps";

    /// <summary>Where people reach FleetOps (<c>https://fleetops.example.com</c>), for the link in every mail; no link when empty.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>One attempt (connect, sign in, send) gives up after this long and waits its back-off.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The digest window: the first opened (or resolved) alert mail of a store to a person goes at once, and those that
    /// follow within this many seconds wait and go together as one mail (<see cref="MailPace"/>), so a flood (a store's
    /// network down: every terminal offline) is two mails rather than one each. 0 sends each at once (mails due together
    /// are still one).
    /// </summary>
    public int DigestSeconds { get; set; } = 60;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    public TimeSpan DigestWindow => TimeSpan.FromSeconds(DigestSeconds);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>
    /// The right-hand side of the Message-IDs FleetOps makes: the host of <see cref="PublicBaseUrl"/> (a name the
    /// organisation owns, so the ids do not collide with another sender's), else <c>fleetops</c>. An IPv6 address, which
    /// would need brackets there, keeps <c>fleetops</c>.
    /// </summary>
    public string MessageIdDomain =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4
            ? url.IdnHost
            : "fleetops";

    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section)
            .Range(Port, 1, 65535)
            .Range(TimeoutSeconds, 1, 300)
            .Range(DigestSeconds, 0, 600)
            .Known(Security);
        problems.Require(!IsEnabled || MailboxAddress.TryParse(FromAddress, out _) && FromAddress.Contains('@', StringComparison.Ordinal),
            $"{problems.Key(nameof(FromAddress))} must be an e-mail address when {problems.Key(nameof(Host))} is set.");
        problems.Require(string.IsNullOrEmpty(UserName) || !string.IsNullOrEmpty(Password),
            $"{problems.Key(nameof(Password))} is required when {problems.Key(nameof(UserName))} is set.");
        problems.Require(PublicBaseUrl.Length == 0
            || Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
            $"{problems.Key(nameof(PublicBaseUrl))} must be an absolute http or https URL (or empty).");
        return problems.ToList();
    }
}
