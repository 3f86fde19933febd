using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Notifications;

namespace FleetOps.Components.Tests;

/// <summary>
/// A person's last e-mails as the delivery log shows them: why a mail failed in the reader's language — the server refused
/// the address, refused for now, could not be reached, did not answer — never a .NET exception's name, with the server's
/// own words kept beside it; mails stored before those causes (the exception's name) read the same way.
/// </summary>
public sealed class MailDeliveryLogTests : FleetComponentTest
{
    [Theory]
    [InlineData("SMTP 550 at RCPT TO: 5.1.1 <a@example.test>: Recipient address rejected: User unknown", "邮件服务器拒绝了收件地址，请检查邮箱地址。")]
    [InlineData("SMTP 553 at MAIL FROM: 5.7.1 Sender address rejected", "邮件服务器拒绝了发件地址，需由管理员检查 FleetOps:Mail:FromAddress。")]
    [InlineData("SMTP 554 at DATA: 5.6.0 Message content rejected", "邮件服务器拒收了这封邮件。")]
    [InlineData("SMTP 451 at RCPT TO: 4.3.0 Temporary local problem, try later", "邮件服务器暂时拒收，稍后会重试。")]
    [InlineData("SMTP could not connect: Connection refused", "无法连接邮件服务器。")]
    [InlineData("SMTP no answer within 30 s", "邮件服务器 30 秒内无应答。")]
    [InlineData("SMTP connection closed: The SMTP server has unexpectedly disconnected.", "邮件服务器断开了连接。")]
    [InlineData("SMTP sign-in failed: 535: 5.7.8 Authentication credentials invalid", "邮件服务器拒绝了 FleetOps 的登录，需由管理员检查用户名和密码。")]
    [InlineData("Not sent: the reader no longer has this store, or was disabled.", "未发送：收件人已不再负责该门店，或已被停用。")]
    [InlineData("SmtpCommandException: 5.1.1 <a@example.test>: Recipient address rejected: User unknown", "邮件服务器拒收了这封邮件。")]
    [InlineData("SmtpCommandException: 4.3.0 Temporary local problem, try later", "邮件服务器暂时拒收，稍后会重试。")]
    [InlineData("SocketException: Connection refused", "无法连接邮件服务器。")]
    [InlineData("TimeoutException: Operation timed out after 30000 milliseconds", "邮件服务器 30 秒内无应答。")]
    [InlineData("SmtpProtocolException: The SMTP server has unexpectedly disconnected.", "邮件服务器断开了连接。")]
    public void A_failed_mail_says_its_cause_in_Chinese_and_keeps_the_servers_words_beside_it(string error, string cause)
    {
        UseLanguage(Languages.Chinese);

        var cut = RenderLog(Failed(error));

        Assert.Equal(cause, cut.Find("[data-testid=delivery-cause]").TextContent.Trim());
        Assert.Equal(error, cut.Find("[data-testid=delivery-cause]").GetAttribute("title"));
        Assert.Equal(error, cut.Find("[data-testid=delivery-error]").TextContent.Trim());
    }

    [Theory]
    [InlineData("SMTP 550 at RCPT TO: 5.1.1 <a@example.test>: Recipient address rejected: User unknown", "The mail server refused the recipient address: check the e-mail address.")]
    [InlineData("SMTP 451 at RCPT TO: 4.3.0 Temporary local problem, try later", "The mail server refused it for now (temporary); it will be tried again.")]
    [InlineData("SMTP no answer within 30 s", "The mail server did not answer within 30 s.")]
    [InlineData("TimeoutException: Operation timed out after 30000 milliseconds", "The mail server did not answer within 30 s.")]
    [InlineData("SocketException: Connection refused", "Could not connect to the mail server.")]
    public void A_failed_mail_says_its_cause_in_English(string error, string cause)
    {
        var cut = RenderLog(Failed(error));

        Assert.Equal(cause, cut.Find("[data-testid=delivery-cause]").TextContent.Trim());
        Assert.DoesNotContain("Exception", cut.Find("[data-testid=delivery-cause]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<DeliveryLog> RenderLog(params WebhookDeliveryDto[] items) =>
        Render<DeliveryLog>(p => p.Add(x => x.Items, items).Add(x => x.Now, Now));

    private WebhookDeliveryDto Failed(string error) =>
        new(Guid.NewGuid(), WebhookMessage.Test, null, WebhookDeliveryStatus.Failed, 1, Now.AddMinutes(-3), Now.AddMinutes(-1), null, error);
}
