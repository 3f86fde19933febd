using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// What a mail server's refusals do to a mail: a permanent one (5xx to the recipient or the sender) fails the mail after
/// its one attempt, not retried for 32 hours; a temporary one (4xx) is retried. Each stores the reply code and the
/// refused command with the server's words, for the page to say what they mean (<c>DeliveryCause</c>).
/// </summary>
[Collection(MailClockCollection.Name)]
public sealed class MailRefusalTests(MailClockApp app)
{
    [Theory]
    [InlineData("RCPT", "550 5.1.1 <someone@example.test>: Recipient address rejected: User unknown",
        "SMTP 550 at RCPT TO: 5.1.1 <someone@example.test>: Recipient address rejected: User unknown")]
    [InlineData("MAIL", "553 5.7.1 Sender address rejected: not owned by user", "SMTP 553 at MAIL FROM: 5.7.1 Sender address rejected: not owned by user")]
    public async Task A_permanent_refusal_fails_the_mail_after_one_attempt(string command, string reply, string stored)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var reader = await app.MailReaderAsync(Roles.StoreManager, [store]);
        app.Mail.Refuse(reply, command);
        try
        {
            await app.OfflineTerminalAsync(store);
            await app.SendDueAsync();
            app.Clock!.Advance(TimeSpan.FromHours(1)); // past the first retries' waits
            await app.SendDueAsync();
        }
        finally
        {
            app.Mail.Resume();
        }
        app.Clock!.Advance(TimeSpan.FromHours(1));
        await app.SendDueAsync();

        var refused = Assert.Single(await app.MailLogAsync(reader))!;
        Assert.Equal("failed", Expect.Wire(refused["status"]));
        Assert.Equal(1, refused["attempts"]!.GetValue<int>());
        Assert.Null(refused["nextAttemptAt"]);
        Assert.Equal(stored, Expect.Wire(refused["lastError"]));
        Assert.Empty(app.Mail.To(reader.Email));
    }

    [Fact]
    public async Task A_temporary_refusal_is_tried_again_and_then_sent()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var reader = await app.MailReaderAsync(Roles.StoreManager, [store]);
        app.Mail.Refuse("451 4.3.0 Temporary local problem, try later");
        try
        {
            await app.OfflineTerminalAsync(store);
            await app.SendDueAsync();
            var deferred = Assert.Single(await app.MailLogAsync(reader))!;
            Assert.Equal("pending", Expect.Wire(deferred["status"]));
            Assert.NotNull(deferred["nextAttemptAt"]);
            Assert.Equal("SMTP 451 at RCPT TO: 4.3.0 Temporary local problem, try later", Expect.Wire(deferred["lastError"]));
        }
        finally
        {
            app.Mail.Resume();
        }

        app.Clock!.Advance(TimeSpan.FromSeconds(15)); // the first retry's wait
        await app.SendDueAsync();

        Assert.Single(app.Mail.To(reader.Email));
        var sent = Assert.Single(await app.MailLogAsync(reader))!;
        Assert.Equal("delivered", Expect.Wire(sent["status"]));
        Assert.Equal(2, sent["attempts"]!.GetValue<int>());
    }
}
