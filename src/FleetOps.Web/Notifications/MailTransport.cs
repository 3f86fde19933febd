using FleetOps.Core.Fleet;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace FleetOps.Web.Notifications;

/// <summary>
/// One attempt at one stored e-mail (<see cref="MailContent"/>) through the SMTP server of <see cref="MailOptions"/>, with
/// MailKit: connect, sign in when a user name is set, send, quit — within <c>TimeoutSeconds</c>. Returns null when the
/// server took the mail, else why not (<see cref="MailError"/>: retried, or given up when the server refused it for good);
/// the <see cref="NotificationSender"/> records it and keeps the back-off. The Message-ID is the delivery id
/// (<see cref="MailOptions.MessageIdDomain"/> on the right), the same on every retry, so a mail system can drop a repeat.
/// The reader's scope is asked again at every attempt: a retry a day later must not reach someone who has since lost the
/// store or been disabled, nor warn of a token revoked since.
/// </summary>
public sealed class MailTransport(IOptions<MailOptions> options, UserDirectory users, StoreDirectory stores, ApiTokenDirectory tokens)
{
    /// <summary>The window a digest's alerts follow their first within (<see cref="MailOptions.DigestSeconds"/>).</summary>
    public TimeSpan DigestWindow => options.Value.DigestWindow;

    /// <summary>One attempt at <paramref name="deliveries"/>: one mail, or a digest of several alerts' (<see cref="MailDigest"/>) sent as the first.</summary>
    /// <param name="after">For a digest, the mail it follows (<see cref="MailDigest.LeadAsync"/>).</param>
    public async Task<DeliveryAttempt> SendAsync(IReadOnlyList<WebhookDeliveryRow> deliveries, string userId, CancellationToken cancellationToken,
        MailLead? after = null)
    {
        var o = options.Value;
        var delivery = deliveries[0];
        var digest = deliveries.Count > 1;
        var content = digest ? Digest(InOrder(deliveries), after) : MailDigest.Read(delivery);
        if (users.Get(userId) is not { Disabled: false } reader
            || content.StoreCode is { } store && !reader.Scope.AllowsStore(store, stores))
        {
            return DeliveryAttempt.Withdraw("Not sent: the reader no longer has this store, or was disabled.");
        }
        if (content.TokenId is { } token && !tokens.IsLive(token))
        {
            return DeliveryAttempt.Withdraw("Not sent: the API token was revoked or has expired meanwhile.");
        }
        if (!o.IsEnabled) return DeliveryAttempt.Retry($"E-mail is off ({MailOptions.Section}:Host is empty).");
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(content.ToName, content.To));
        message.Subject = content.Subject;
        // The id as the API and the page show it (dashed), so a person can search their mail for the one they see there.
        // A digest's says how many it held: one retried after more alerts joined is another mail, not a repeat to drop.
        message.MessageId = digest ? $"{delivery.DeliveryId:D}.{deliveries.Count}@{o.MessageIdDomain}" : $"{delivery.DeliveryId:D}@{o.MessageIdDomain}";
        // RFC 3834: automatic, so out-of-office replies stay away from FromAddress.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // A digest starts a thread of its own: it cannot answer twenty alerts' threads at once.
        if (!digest && delivery.AlertId is { } alert)
        {
            // One made-up parent per alert: its opened, acknowledged and resolved mails thread together in a mail client.
            message.InReplyTo = $"alert-{alert}@{o.MessageIdDomain}";
            message.References.Add($"alert-{alert}@{o.MessageIdDomain}");
        }
        message.Body = new TextPart(TextFormat.Plain) { Text = content.Text };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.Security, timeout.Token);
            if (o.UserName.Length > 0) await client.AuthenticateAsync(o.UserName, o.Password, timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return DeliveryAttempt.Retry(null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Retry(MailError.Timeout(o.TimeoutSeconds));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return MailError.Of(e, o.TimeoutSeconds);
        }
    }

    /// <summary>A digest, the time of the mail it follows on its store's clock, as its lines' times are.</summary>
    private MailContent Digest(List<MailContent> mails, MailLead? after) =>
        MailText.Digest(mails, after, mails[0].StoreCode is { } code ? stores.Get(code)?.TimeZone : null);

    /// <summary>
    /// A digest's alerts in the order they happened, and those of one moment by their line (so by terminal): in the
    /// outbox's order a flood's fifty lines read as shuffled, and a manager looking for one terminal had to read them all.
    /// </summary>
    private static List<MailContent> InOrder(IReadOnlyList<WebhookDeliveryRow> deliveries) => deliveries
        .Select(d => (d.CreatedAtMs, Mail: MailDigest.Read(d)))
        .OrderBy(d => d.CreatedAtMs).ThenBy(d => d.Mail.Entry?.Line, StringComparer.Ordinal)
        .Select(d => d.Mail).ToList();
}
