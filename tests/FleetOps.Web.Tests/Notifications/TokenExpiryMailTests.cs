using FleetOps.Web.Notifications;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// The owner of an API token is mailed once when it comes within a week of its expiry — in their language, whether or not
/// their alert mail is on — so that whatever uses the token is given a new one before it stops. Never for a token revoked,
/// without expiry or still far off, and never to a disabled owner.
/// </summary>
[Collection(MailClockCollection.Name)]
public sealed class TokenExpiryMailTests(MailClockApp app)
{
    private static readonly TimeSpan Week = ApiTokenInfo.SoonBefore;

    private TokenExpiryMailer Mailer => app.GetService<TokenExpiryMailer>();

    [Fact]
    public async Task The_owner_is_mailed_once_when_the_token_comes_within_a_week_even_with_alert_mail_off()
    {
        var owner = await app.CreateUserAsync(Roles.StoreManager); // never turned e-mail notifications on
        var (id, _) = await app.CreateApiTokenAsync(owner, "nightly export", Week + TimeSpan.FromHours(2));
        var expires = app.GetService<ApiTokenDirectory>().ExpiryOf(id)!.Value; // a person without stores reads UTC

        await Mailer.QueueDueAsync();
        await app.SendDueAsync();
        Assert.Empty(app.Mail.To(owner.Email)); // eight days off

        // Now within the week. Several looks at once (the node's hourly one runs too): the token is claimed once.
        app.Clock!.JumpBy(TimeSpan.FromHours(3));
        var queued = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Mailer.QueueDueAsync())));
        Assert.InRange(queued.Sum(), 0, 1);
        await app.SendDueAsync();

        var mail = Assert.Single(app.Mail.To(owner.Email));
        Assert.StartsWith("[FleetOps] Your API token nightly export expires on ", mail.Subject, StringComparison.Ordinal);
        var prefix = (await app.GetService<ApiTokenDirectory>().ForUserAsync(owner.Id)).Single().Prefix;
        Assert.Contains($"Your API token nightly export ({prefix}…) stops working at {expires.UtcDateTime:d MMM yyyy HH:mm:ss} +00:00.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://fleetops.test/account/tokens", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/tokens/current/rotate", mail.TextBody, StringComparison.Ordinal); // a script can renew itself
        Assert.Equal(WebhookMessage.TokenExpiring, Assert.Single(await app.MailLogAsync(owner))!["type"]!.GetValue<string>());

        // Looked at again an hour later: no second mail for the same token.
        app.Clock!.JumpBy(TimeSpan.FromHours(1));
        Assert.Equal(0, await Mailer.QueueDueAsync());
        await app.SendDueAsync();
        Assert.Single(app.Mail.To(owner.Email));
    }

    [Fact]
    public async Task A_chinese_reader_is_mailed_in_chinese()
    {
        var store = await app.CreateStoreAsync(Ids.New("S")); // Asia/Shanghai
        var owner = await app.MailReaderAsync(Roles.StoreManager, [store], culture: "zh-CN");
        await app.CreateApiTokenAsync(owner, "日报导出", TimeSpan.FromDays(3));

        await Mailer.QueueDueAsync();
        await app.SendDueAsync();

        var mail = Assert.Single(app.Mail.To(owner.Email));
        Assert.StartsWith("[FleetOps] 您的 API 令牌 日报导出 将于 ", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith(" 到期", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("停止工作", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("自行换成名称和有效期都相同的新令牌", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("+08:00", mail.TextBody, StringComparison.Ordinal); // the time on the clock of the owner's store
    }

    [Fact]
    public async Task No_mail_for_a_revoked_token_one_without_expiry_one_far_off_or_a_disabled_owner()
    {
        var owner = await app.CreateUserAsync(Roles.StoreManager);
        var (revokedId, _) = await app.CreateApiTokenAsync(owner, "revoked", TimeSpan.FromDays(2));
        await app.GetService<ApiTokenDirectory>().RevokeAsync(revokedId, owner.Id, anyOwner: false, owner.Email);
        await app.CreateApiTokenAsync(owner, "no expiry");
        await app.CreateApiTokenAsync(owner, "far off", TimeSpan.FromDays(60));
        var disabled = await app.CreateUserAsync(Roles.Technician);
        await app.CreateApiTokenAsync(disabled, "calendar sync", TimeSpan.FromDays(2));
        await app.SetDisabledAsync(disabled, true);

        await Mailer.QueueDueAsync();
        await app.SendDueAsync();

        Assert.Empty(app.Mail.To(owner.Email));
        Assert.Empty(app.Mail.To(disabled.Email));
        // Not even queued for the disabled owner (the sender would withdraw it too): the token is left unmarked, so enabling
        // the owner within the week still brings the warning.
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        Assert.Null(db.ApiTokens.Single(t => t.UserId == disabled.Id).ExpiryMailedAt);
    }

    [Fact]
    public async Task A_warning_queued_for_a_token_revoked_before_it_was_sent_is_not_sent()
    {
        var owner = await app.CreateUserAsync(Roles.StoreManager);
        var (id, _) = await app.CreateApiTokenAsync(owner, "nightly export", TimeSpan.FromDays(2));
        await Mailer.QueueDueAsync();

        await app.GetService<ApiTokenDirectory>().RevokeAsync(id, owner.Id, anyOwner: false, owner.Email);
        await app.SendDueAsync();

        Assert.Empty(app.Mail.To(owner.Email));
        var logged = Assert.Single(await app.MailLogAsync(owner))!;
        Assert.Equal("failed", Expect.Wire(logged["status"])); // given up at once, with the reason in the owner's mail log
        Assert.Equal("Not sent: the API token was revoked or has expired meanwhile.", Expect.Wire(logged["lastError"]));
    }
}
