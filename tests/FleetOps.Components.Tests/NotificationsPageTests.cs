using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Alerts;
using FleetOps.Web.Components.Account;
using FleetOps.Web.Notifications;
using FleetOps.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetOps.Components.Tests;

/// <summary>
/// The signed-in person's own notifications page: it says when the server sends no mail, saves the person's choice, queues
/// a test mail that shows in their log, lists each mail with its subject and a waiting one with its next try, and speaks Chinese.
/// </summary>
public sealed class NotificationsPageTests : FleetComponentTest
{
    private readonly MailOptions _mail = new();

    public NotificationsPageTests()
    {
        Services.AddSingleton(Options.Create(_mail));
        Services.AddSingleton<MailService>();
        Services.AddSingleton(Options.Create(new FleetOps.Web.Election.LeadershipOptions()));
        Services.AddSingleton<FleetOps.Web.Election.Leadership>();
        Services.AddSingleton<TokenExpiryMailer>();
    }

    private MailService Mail => Services.GetRequiredService<MailService>();

    [Fact]
    public void Without_a_mail_server_the_page_says_so_and_offers_no_test_mail()
    {
        AddStore("S-1");
        SignInAsStoreManager("S-1");

        var cut = Render<Notifications>();

        cut.WaitForAssertion(() => Assert.Contains("This server sends no e-mail yet: ask an administrator", cut.Find("[data-testid=mail-off]").TextContent));
        Assert.DoesNotContain("FleetOps:Mail", cut.Find("[data-testid=mail-off]").TextContent); // a setting name means nothing to a store manager
        Assert.True(cut.Find("button[data-testid=mail-test]").HasAttribute("disabled"));
    }

    [Fact]
    public void An_administrator_is_told_which_setting_turns_mail_on()
    {
        SignInAsAdministrator();

        var cut = Render<Notifications>();

        cut.WaitForAssertion(() => Assert.Contains("FleetOps:Mail settings (Host)", cut.Find("[data-testid=mail-off]").TextContent));
    }

    [Fact]
    public void A_store_manager_turns_their_mail_on_and_a_test_mail_shows_in_their_log()
    {
        (_mail.Host, _mail.FromAddress) = ("127.0.0.1", "fleetops@fleetops.test");
        AddStore("S-1");
        var manager = SignInAsStoreManager("S-1");

        var cut = Render<Notifications>();
        cut.WaitForElement("button[data-testid=mail-save]");
        cut.Find("input[data-testid=mail-enabled]").Change(true);
        cut.Find("button[data-testid=mail-save]").Click();
        cut.WaitForAssertion(() => Assert.True(Wait(() => Mail.GetAsync(manager)).Enabled));
        cut.Find("button[data-testid=mail-test]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Waiting to send", cut.Find("[data-testid=mail-log]").TextContent));
        // One test at a time: five clicks on a slow server queued five mails (an outside tester).
        cut.WaitForAssertion(() => Assert.True(cut.Find("button[data-testid=mail-test]").HasAttribute("disabled")));
        Assert.Contains("A test e-mail is waiting to be sent", cut.Find("[data-testid=mail-test-waiting]").TextContent);
        Assert.Contains(manager.Email, cut.Find("[data-testid=mail-form]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=mail-off]"));
        Assert.Equal(AlertSeverity.Warning, Wait(() => Mail.GetAsync(manager)).Interest.MinSeverity);
    }

    [Fact]
    public void A_mail_about_a_token_that_expires_soon_shows_in_the_owners_log_as_such()
    {
        (_mail.Host, _mail.FromAddress) = ("127.0.0.1", "fleetops@fleetops.test");
        AddStore("S-1");
        var manager = SignInAsStoreManager("S-1");
        Wait(() => Services.GetRequiredService<FleetOps.Web.Security.ApiTokenDirectory>().CreateAsync(manager.UserId, "nightly export", TimeSpan.FromDays(3)));
        Assert.Equal(1, Wait(() => Services.GetRequiredService<TokenExpiryMailer>().QueueDueAsync()));

        var cut = Render<Notifications>();

        cut.WaitForAssertion(() => Assert.Contains("API token expiring", cut.Find("[data-testid=mail-log]").TextContent));
        Assert.False(Wait(() => Mail.GetAsync(manager)).Enabled); // sent whatever the alert mail: it stays off
    }

    [Fact]
    public void The_page_says_which_language_mails_use_and_choosing_the_one_shown_in_the_user_menu_saves_it()
    {
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        var manager = SignInAsStoreManager("S-1"); // no saved language: the page is English, mail the server's default

        var cut = Render<Notifications>();
        var menu = Render<FleetOps.Web.Components.Layout.UserMenu>();
        cut.WaitForAssertion(() => Assert.Equal("Your e-mails are written in 简体中文. To change their language, choose one in the user menu.",
            cut.Find("[data-testid=mail-language]").TextContent.Trim()));
        menu.Find("[data-testid=user-menu-button]").Click();
        popovers.WaitForElement("[data-testid=language-en]").Click(); // the language already shown

        cut.WaitForAssertion(() => Assert.Contains("written in English.", cut.Find("[data-testid=mail-language]").TextContent));
        Assert.Equal("en", Users.Directory.Get(manager.UserId)?.Culture);
    }

    [Theory]
    [InlineData("en", "Waits for the earlier mail about this alert, so that its mails arrive in order.")]
    [InlineData("zh-CN", "等待此告警的上一封邮件先发出，以便邮件按顺序送达。")]
    public void A_mail_held_back_by_an_earlier_one_about_the_same_alert_says_why(string language, string why)
    {
        var cut = RenderLog(language, (manager, subscription) =>
        {
            var content = new MailContent(manager.Email, manager.DisplayName, "subject", "text", "S-1");
            var acknowledged = MailOutbox.Delivery(subscription, WebhookMessage.Acknowledged, 7, content, Now);
            (acknowledged.Attempts, acknowledged.LastError, acknowledged.NextAttemptAtMs) = (1, "No answer within 30 s", Now.AddSeconds(15).ToUnixTimeMilliseconds());
            return [acknowledged, MailOutbox.Delivery(subscription, WebhookMessage.Resolved, 7, content, Now)];
        });

        // Only the later mail waits; the earlier one shows its own trouble.
        cut.WaitForAssertion(() => Assert.Equal(why, Assert.Single(cut.FindAll("[data-testid=mail-log] [data-testid=delivery-held]")).TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=mail-log] [data-testid=delivery-error]"));
    }

    [Fact]
    public void A_held_mail_says_it_goes_with_the_earlier_one_not_within_a_minute()
    {
        var cut = RenderLog("en", (manager, subscription) =>
        {
            var content = new MailContent(manager.Email, manager.DisplayName, "subject", "text", "S-1");
            var acknowledged = MailOutbox.Delivery(subscription, WebhookMessage.Acknowledged, 7, content, Now.AddMinutes(-2));
            (acknowledged.Attempts, acknowledged.LastError, acknowledged.NextAttemptAtMs) = (3, "SMTP 451 at RCPT TO: 4.3.0 try later", Now.AddMinutes(5).ToUnixTimeMilliseconds());
            return [acknowledged, MailOutbox.Delivery(subscription, WebhookMessage.Resolved, 7, content, Now.AddMinutes(-1))];
        });

        // The earlier mail's back-off is the later one's wait: both say five minutes.
        cut.WaitForAssertion(() => Assert.Equal(["Next try in 5 min", "Next try in 5 min"],
            cut.FindAll("[data-testid=mail-log] [data-testid=delivery-next]").Select(n => n.TextContent.Trim())));
    }

    [Theory]
    [InlineData("en", "2 alerts in one e-mail")]
    [InlineData("zh-CN", "2 条告警合为一封邮件")]
    public void A_digest_is_one_row_naming_how_many_alerts_it_held(string language, string held)
    {
        var cut = RenderLog(language, (manager, subscription) => Digest(manager, subscription, "zh-CN", 7, 8));

        cut.WaitForAssertion(() => Assert.Equal(held, Assert.Single(cut.FindAll("[data-testid=mail-log] [data-testid=delivery-digest]")).TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=mail-log] tbody tr"));
        // The subject the mail went with (in the mail's language), not its first alert's own, which nobody received.
        Assert.Equal("[FleetOps] S-1的 2 条告警（已产生）", cut.Find("[data-testid=mail-log] [data-testid=delivery-subject]").TextContent.Trim());
    }

    [Fact]
    public void A_flood_digest_of_fifty_alerts_leaves_the_mails_before_it_on_the_log()
    {
        var cut = RenderLog("en", (manager, subscription) =>
        {
            var acknowledged = MailOutbox.Delivery(subscription, WebhookMessage.Acknowledged, 1,
                new MailContent(manager.Email, manager.DisplayName, "[FleetOps] Warning: Offline – T-1 (Acknowledged)", "text", "S-1"), Now);
            return [acknowledged, .. Digest(manager, subscription, "en", [.. Enumerable.Range(2, 50).Select(a => (long)a)])];
        });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=mail-log] tbody tr").Count));
        Assert.Equal(["[FleetOps] 50 alerts at S-1 (Opened)", "[FleetOps] Warning: Offline – T-1 (Acknowledged)"],
            cut.FindAll("[data-testid=mail-log] [data-testid=delivery-subject]").Select(s => s.TextContent.Trim()));
    }

    /// <summary>Opened mails of <paramref name="alerts"/> written in <paramref name="culture"/>, sent as one digest.</summary>
    private IReadOnlyList<WebhookDeliveryRow> Digest(FleetOps.Web.Security.UserAccess manager, long subscription, string culture, params long[] alerts)
    {
        var happened = culture == "en" ? "Opened" : "已产生";
        var rows = alerts.Select(alert => MailOutbox.Delivery(subscription, WebhookMessage.Opened, alert, new MailContent(manager.Email, manager.DisplayName,
            $"subject of alert {alert}", "text", "S-1", Entry: new MailDigestEntry(culture, "S-1", happened, "line", null)), Now)).ToList();
        MailDigest.Mark(rows);
        return rows;
    }

    /// <summary>The page in <paramref name="language"/> for a store manager with mail on and the deliveries <paramref name="rows"/> make (from them and their subscription id).</summary>
    private IRenderedComponent<Notifications> RenderLog(string language, Func<FleetOps.Web.Security.UserAccess, long, IReadOnlyList<FleetOps.Web.Persistence.WebhookDeliveryRow>> rows)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(language));
        (_mail.Host, _mail.FromAddress) = ("127.0.0.1", "fleetops@fleetops.test");
        AddStore("S-1");
        var manager = SignInAsStoreManager("S-1");
        var subscription = Wait(() => Mail.SaveAsync(manager, true, AlertInterest.Everything, null));
        Wait(async () =>
        {
            await using var db = Database.Factory.CreateDbContext();
            db.WebhookDeliveries.AddRange(rows(manager, subscription.Id));
            await db.SaveChangesAsync();
        });
        return Render<Notifications>();
    }

    [Fact]
    public void The_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        SignInAsTechnician();

        var cut = Render<Notifications>();

        cut.WaitForAssertion(() => Assert.Contains("给我发送邮件", cut.Markup));
        Assert.Contains("此服务器尚未开启邮件", cut.Find("[data-testid=mail-off]").TextContent);
        Assert.Contains("发送测试邮件", cut.Markup);
        Assert.Contains("您的邮件使用简体中文。如需更改邮件语言，请在用户菜单中选择语言。", cut.Find("[data-testid=mail-language]").TextContent);
        Assert.Contains("尚未发送", cut.Find("[data-testid=mail-log]").TextContent);
    }

    [Theory]
    [InlineData(false, "Next try in 5 min", "The mail server refused it for now (temporary); it will be tried again.")]
    [InlineData(true, "5 分钟后重试", "邮件服务器暂时拒收，稍后会重试。")]
    public void A_waiting_mail_shows_its_subject_its_next_try_and_its_cause(bool chinese, string nextTry, string cause)
    {
        if (chinese) UseLanguage(Languages.Chinese);
        (_mail.Host, _mail.FromAddress) = ("127.0.0.1", "fleetops@fleetops.test");
        AddStore("S-1");
        var manager = SignInAsStoreManager("S-1");
        const string subject = "[FleetOps] Warning: Offline – Terminal FLOOD-07 at store S-1 (Opened)";
        Waiting(manager, subject, "SMTP 451 at RCPT TO: 4.3.0 Temporary local problem, try later");

        var cut = Render<Notifications>();

        cut.WaitForAssertion(() => Assert.Equal(subject, cut.Find("[data-testid=delivery-subject]").TextContent.Trim()));
        var next = cut.Find("[data-testid=delivery-next]");
        Assert.Equal(nextTry, next.TextContent.Trim());
        Assert.Contains("+08:00", next.GetAttribute("title"), StringComparison.Ordinal); // the stores' clock, on hover
        Assert.Equal(cause, cut.Find("[data-testid=delivery-cause]").TextContent.Trim());
        // Every column on every width (the desktop lacked "last attempt"), and Chinese headers not broken inside a word.
        Assert.All(cut.FindAll("[data-testid=mail-log] th"), th =>
        {
            Assert.DoesNotContain("fo-col-tablet", th.ClassList);
            Assert.Contains("fo-keep-words", th.ClassList);
        });
        Assert.Contains("fo-keep-words", cut.Find("[data-testid=delivery-event]").ClassList);
    }

    /// <summary>An alert mail to <paramref name="reader"/> tried three times, the last a minute ago, waiting five minutes more.</summary>
    private void Waiting(FleetOps.Web.Security.UserAccess reader, string subject, string error)
    {
        var subscription = Wait(() => Mail.SaveAsync(reader, true, new AlertInterest(new HashSet<AlertKind>(), AlertSeverity.Info), remoteAddress: null));
        using var db = Database.Factory.CreateDbContext();
        var id = db.MailSubscriptions.Single(s => s.UserId == reader.UserId).Id;
        var row = MailOutbox.Delivery(id, WebhookMessage.Opened, 7, new MailContent(reader.Email, reader.Email, subject, "…", "S-1"), Now.AddMinutes(-10));
        (row.Attempts, row.LastAttemptAtMs, row.NextAttemptAtMs, row.LastError) =
            (3, Now.AddMinutes(-1).ToUnixTimeMilliseconds(), Now.AddMinutes(5).ToUnixTimeMilliseconds(), error);
        db.WebhookDeliveries.Add(row);
        db.SaveChanges();
        Assert.True(subscription.Enabled);
    }
}
