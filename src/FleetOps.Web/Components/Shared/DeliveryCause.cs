using System.Globalization;
using System.Text.RegularExpressions;
using FleetOps.Web.Localization;
using FleetOps.Web.Notifications;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// Why a delivery failed, in the reader's language — a webhook's or an e-mail's (one outbox, one log). The sender keeps
/// the technical reason in English (the API's <c>lastError</c>, the log: "NameResolutionError: Name or service not known
/// (host:443)", "HTTP 502", "SMTP 550 at RCPT TO: 5.1.1 … User unknown"); the delivery log shows what it means for the
/// person reading it — the address is wrong, the receiver or mail server refused — and keeps the technical text beside it
/// for whoever looks further. Mails stored before <see cref="MailError"/> named the .NET exception; those still read.
/// </summary>
public static partial class DeliveryCause
{
    /// <summary>Stored prefixes and what they mean: the webhook sender's (NotificationSender.SendAsync), then the mail's.</summary>
    private static readonly (string Prefix, string Key)[] Prefixes =
    [
        ("NameResolutionError:", "Webhooks.Cause.HostNotFound"),
        ("ConnectionError:", "Webhooks.Cause.Refused"),
        ("SecureConnectionError:", "Webhooks.Cause.Tls"),
        ("No answer within", "Webhooks.Cause.Timeout"),
        ("The receiver's answer was withheld", "Webhooks.Cause.Withheld"),
        (MailError.ConnectFailed, "Mail.Cause.Connect"),
        (MailError.Closed, "Mail.Cause.Closed"),
        (MailError.TlsFailed, "Mail.Cause.Tls"),
        (MailError.SignInFailed, "Mail.Cause.SignIn"),
        ("E-mail is off", "Mail.Cause.Off"),
        ("Not sent: the reader no longer has this store", "Mail.Cause.NoLongerReader"),
        ("Not sent: the API token", "Mail.Cause.TokenGone"),
        // Mails that failed before the causes were stored as above: "SocketException: Connection refused" and the like.
        ("SocketException:", "Mail.Cause.Connect"),
        ("SmtpProtocolException:", "Mail.Cause.Closed"),
        ("IOException:", "Mail.Cause.Closed"),
        ("SslHandshakeException:", "Mail.Cause.Tls"),
        ("AuthenticationException:", "Mail.Cause.SignIn"),
    ];

    public static string Of(string error, IStringLocalizer<UiText> texts)
    {
        if (HttpStatus().Match(error) is { Success: true } http) return texts["Webhooks.Cause.Http", http.Groups[1].Value];
        if (RobotCode().Match(error) is { Success: true } robot) return texts["Webhooks.Cause.Robot", robot.Groups[1].Value];
        if (MailTimeout().Match(error) is { Success: true } timeout) return texts["Mail.Cause.Timeout", timeout.Groups[1].Value];
        if (MailReply().Match(error) is { Success: true } reply) return Refusal(reply.Groups[1].Value, reply.Groups[2].Value, texts);
        if (OldMailReply().Match(error) is { Success: true } old) return Refusal(old.Groups[1].Value, "", texts);
        if (OldMailTimeout().Match(error) is { Success: true } oldTimeout)
        {
            var seconds = long.Parse(oldTimeout.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
            return texts["Mail.Cause.Timeout", seconds.ToString("0.#", CultureInfo.InvariantCulture)];
        }
        foreach (var (prefix, key) in Prefixes)
        {
            if (error.StartsWith(prefix, StringComparison.Ordinal)) return texts[key];
        }
        return texts["Webhooks.Cause.Unknown"];
    }

    /// <summary>A mail server's reply: 4xx asks to try later; 5xx refuses — the recipient's address, the sender, or the mail.</summary>
    private static string Refusal(string firstDigit, string command, IStringLocalizer<UiText> texts) => (firstDigit, command) switch
    {
        ("4", _) => texts["Mail.Cause.Deferred"],
        (_, MailError.RcptTo) => texts["Mail.Cause.AddressRefused"],
        (_, MailError.MailFrom) => texts["Mail.Cause.SenderRefused"],
        _ => texts["Mail.Cause.Refused"],
    };

    [GeneratedRegex(@"^HTTP (\d{3})$")]
    private static partial Regex HttpStatus();

    [GeneratedRegex(@"^errcode (-?\d+):")]
    private static partial Regex RobotCode();

    [GeneratedRegex(@"^SMTP ([45])\d\d(?: at (MAIL FROM|RCPT TO|DATA))?:")]
    private static partial Regex MailReply();

    [GeneratedRegex(@"^SMTP no answer within ([\d.]+) s")]
    private static partial Regex MailTimeout();

    /// <summary>Before <see cref="MailError"/>: the exception's name, then the server's enhanced status ("5.1.1 …", "4.3.0 …").</summary>
    [GeneratedRegex(@"^SmtpCommandException: ([45])\.")]
    private static partial Regex OldMailReply();

    [GeneratedRegex(@"^TimeoutException: Operation timed out after (\d+) milliseconds")]
    private static partial Regex OldMailTimeout();
}
