using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Why an attempt at a mail failed, as the outbox stores it: English, technical, and starting with one of the prefixes
/// below, so the page can say what it means in the reader's language (<c>DeliveryCause</c>, as for webhooks) while the
/// API and the log keep the server's own words. A 5xx reply to MAIL FROM, RCPT TO or DATA is the server refusing this
/// mail for good ("550 user unknown"): it is given up at once, not retried for 32 hours. A 4xx reply, a time-out, a
/// refused or dropped connection, TLS or sign-in trouble may pass (or be fixed by an administrator) and are retried.
/// </summary>
public static class MailError
{
    /// <summary>Followed by the reply code and, for the mail's own commands, the one refused: "SMTP 550 at RCPT TO: 5.1.1 … User unknown".</summary>
    public const string Reply = "SMTP ";
    public const string ConnectFailed = "SMTP could not connect: ";
    public const string NoAnswer = "SMTP no answer within ";
    public const string Closed = "SMTP connection closed: ";
    public const string TlsFailed = "SMTP TLS failed: ";
    public const string SignInFailed = "SMTP sign-in failed: ";
    public const string Failed = "SMTP failed: ";

    /// <summary>The mail's own commands, as a stored reply names them.</summary>
    public const string MailFrom = "MAIL FROM", RcptTo = "RCPT TO", Data = "DATA";

    public static string Timeout(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{NoAnswer}{seconds:0.#} s");

    public static DeliveryAttempt Of(Exception e, double timeoutSeconds) => e switch
    {
        SmtpCommandException c when Command(c.ErrorCode) is { } command => Refusal(c, command),
        SmtpCommandException c => Retry($"{Reply}{(int)c.StatusCode}: {c.Message}"),
        TimeoutException => DeliveryAttempt.Retry(Timeout(timeoutSeconds)),
        SocketException s => Retry(ConnectFailed + s.Message),
        SslHandshakeException s => Retry(TlsFailed + s.Message),
        MailKit.Security.AuthenticationException a => Retry(SignInFailed + a.Message),
        SmtpProtocolException or IOException => Retry(Closed + e.Message),
        _ => Retry(Failed + e.Message),
    };

    /// <summary>The server's reply to one of the mail's own commands: 5xx is final for this mail, 4xx asks to try later.</summary>
    private static DeliveryAttempt Refusal(SmtpCommandException e, string command)
    {
        var code = (int)e.StatusCode;
        var error = NotificationSender.Kept($"{Reply}{code} at {command}: {e.Message}");
        return code >= 500 ? DeliveryAttempt.Refused(error) : DeliveryAttempt.Retry(error);
    }

    private static string? Command(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => MailFrom,
        SmtpErrorCode.RecipientNotAccepted => RcptTo,
        SmtpErrorCode.MessageNotAccepted => Data,
        _ => null,
    };

    private static DeliveryAttempt Retry(string error) => DeliveryAttempt.Retry(NotificationSender.Kept(error));
}
