using System.Globalization;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Notifications;
using FleetOps.Web.Security;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A digest as a store manager reads it, word for word, in both languages: the store once, in the heading, and each line
/// naming only its terminal (or saying it is the whole store's); when it follows the burst's first alert, mailed alone,
/// the heading says so — when, under which subject, and how many alerts the burst had in all — on the store's clock.
/// The lone mail still names its store. (<see cref="MailDigestTests"/> has the digest made and sent by the app.)
/// </summary>
public sealed class MailDigestWordingTests
{
    private static readonly StoreInfo Xuhui = new("SH-001", "徐汇店", "East", "Asia/Shanghai");
    private static readonly UserAccess Manager = new("u-1", "manager@fleetops.test", "Manager", Roles.StoreManager, false, [], ["SH-001"]);
    private static readonly DateTimeOffset At = new(2026, 12, 7, 2, 2, 5, TimeSpan.Zero); // 10:02:05 in Shanghai

    [Fact]
    public void A_digest_names_its_store_once_and_each_line_only_its_terminal_or_the_whole_store()
    {
        var (lone, offline, outage) = Mails("en");

        Assert.Equal("[FleetOps] Warning: Offline – Terminal T-1 at store 徐汇店 (SH-001) (Opened)", lone.Subject); // alone, it names the store
        var digest = MailText.Digest([offline, outage]);
        Assert.Equal("[FleetOps] 2 alerts at 徐汇店 (SH-001) (Opened)", digest.Subject);
        Assert.StartsWith("""
            2 alerts at 徐汇店 (SH-001) within a short time (Opened), in one e-mail:

            - Warning: Offline – Terminal T-2, 7 Dec 2026 10:02:06 +08:00
            - Critical: Store power outage – whole store, 7 Dec 2026 10:02:07 +08:00


            """.ReplaceLineEndings("\n"), digest.Text, StringComparison.Ordinal);

        var (_, chineseOffline, chineseOutage) = Mails("zh-CN");
        Assert.StartsWith("""
            徐汇店（SH-001）短时间内有 2 条告警（已产生），合并为一封邮件：

            - 警告：离线 – 终端 T-2，2026/12/7 10:02:06 +08:00
            - 严重：门店停电 – 全店，2026/12/7 10:02:07 +08:00


            """.ReplaceLineEndings("\n"), MailText.Digest([chineseOffline, chineseOutage]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_following_the_first_alert_mailed_alone_says_when_and_under_which_subject_and_how_many_in_all()
    {
        var (lone, offline, outage) = Mails("en");

        var digest = MailText.Digest([offline, outage], new MailLead(lone.Subject, At.AddSeconds(1), 1), Xuhui.TimeZone);

        Assert.Equal("[FleetOps] 2 alerts at 徐汇店 (SH-001) (Opened)", digest.Subject);
        Assert.StartsWith("""
            2 more alerts at 徐汇店 (SH-001) within a short time (Opened), in one e-mail. The first alert of this burst was mailed to you on its own at 7 Dec 2026 10:02:06 +08:00 (“[FleetOps] Warning: Offline – Terminal T-1 at store 徐汇店 (SH-001) (Opened)”), so there are 3 in all:

            - Warning: Offline – Terminal T-2,
            """.ReplaceLineEndings("\n"), digest.Text, StringComparison.Ordinal);

        var (chineseLone, chineseOffline, chineseOutage) = Mails("zh-CN");
        Assert.StartsWith("""
            徐汇店（SH-001）短时间内又有 2 条告警（已产生），合并为一封邮件。本轮第一条告警已于 2026/12/7 10:02:06 +08:00 单独发送给您（“[FleetOps] 警告：离线 – 门店徐汇店（SH-001）的终端 T-1（已产生）”），本轮共 3 条：

            - 警告：离线 – 终端 T-2，
            """.ReplaceLineEndings("\n"), MailText.Digest([chineseOffline, chineseOutage], new MailLead(chineseLone.Subject, At.AddSeconds(1), 1), Xuhui.TimeZone).Text,
            StringComparison.Ordinal);
    }

    /// <summary>
    /// A flood longer than a window is several digests; the later ones said nothing of the one before, and a manager reading
    /// "2 alerts" could not tell it followed twenty. Each names the digest it follows: when, its subject, how many it held.
    /// </summary>
    [Fact]
    public void A_digest_following_an_earlier_digest_says_when_under_which_subject_and_how_many_that_one_held()
    {
        var (_, offline, outage) = Mails("en");
        var earlier = MailText.DigestSubject(offline.Entry!, 19);

        var digest = MailText.Digest([offline, outage], new MailLead(earlier, At.AddSeconds(1), 19), Xuhui.TimeZone);

        Assert.StartsWith("""
            2 more alerts at 徐汇店 (SH-001) within a short time (Opened), in one e-mail. They follow the 19 alerts mailed to you together at 7 Dec 2026 10:02:06 +08:00 (“[FleetOps] 19 alerts at 徐汇店 (SH-001) (Opened)”):

            - Warning: Offline – Terminal T-2,
            """.ReplaceLineEndings("\n"), digest.Text, StringComparison.Ordinal);

        var (_, chineseOffline, chineseOutage) = Mails("zh-CN");
        var chinese = MailText.Digest([chineseOffline, chineseOutage],
            new MailLead(MailText.DigestSubject(chineseOffline.Entry!, 19), At.AddSeconds(1), 19), Xuhui.TimeZone);
        Assert.StartsWith("""
            徐汇店（SH-001）短时间内又有 2 条告警（已产生），合并为一封邮件。此前的 19 条告警已于 2026/12/7 10:02:06 +08:00 合并发送给您（“[FleetOps] 徐汇店（SH-001）的 19 条告警（已产生）”）：

            - 警告：离线 – 终端 T-2，
            """.ReplaceLineEndings("\n"), chinese.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_Chinese_mail_puts_no_space_beside_the_store_s_full_width_brackets()
    {
        // An outside tester read "门店 上海1号店（SHA-001） 的终端 H48-T4": Chinese puts no space between 门店 and the name,
        // nor beside a full-width bracket. The terminal id, being Latin, keeps its space.
        var (terminal, _, storeWide) = Mails("zh-CN");

        Assert.Equal("[FleetOps] 警告：离线 – 门店徐汇店（SH-001）的终端 T-1（已产生）", terminal.Subject);
        Assert.StartsWith("""
            已产生：离线 – 门店徐汇店（SH-001）的终端 T-1

            严重程度：警告
            类型：离线
            对象：门店徐汇店（SH-001）的终端 T-1
            """.ReplaceLineEndings("\n"), terminal.Text, StringComparison.Ordinal);
        Assert.Equal("[FleetOps] 严重：门店停电 – 门店徐汇店（SH-001）（已产生）", storeWide.Subject);
        Assert.Contains("\n对象：门店徐汇店（SH-001）\n", storeWide.Text, StringComparison.Ordinal);

        var (english, _, englishStoreWide) = Mails("en"); // English keeps its spaces
        Assert.Equal("[FleetOps] Warning: Offline – Terminal T-1 at store 徐汇店 (SH-001) (Opened)", english.Subject);
        Assert.Equal("[FleetOps] Critical: Store power outage – Store 徐汇店 (SH-001) (Opened)", englishStoreWide.Subject);
    }

    /// <summary>A burst at Xuhui in <paramref name="language"/>: terminal T-1 offline (mailed alone), T-2 offline a second later, the store's power a second after.</summary>
    private static (MailContent Lone, MailContent Offline, MailContent Outage) Mails(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        MailContent Mail(long id, AlertKind kind, AlertSeverity severity, string? terminal, DateTimeOffset at) => MailText.Alert(Manager, culture,
            WebhookMessage.Opened, new Alert(id, new AlertSubject(kind, Xuhui.Code, terminal), severity, AlertState.Open, at, at, 1, null, null, null, null),
            Xuhui, at, "https://fleetops.test");
        return (Mail(1, AlertKind.Offline, AlertSeverity.Warning, "T-1", At), Mail(2, AlertKind.Offline, AlertSeverity.Warning, "T-2", At.AddSeconds(1)),
            Mail(3, AlertKind.StorePowerOutage, AlertSeverity.Critical, null, At.AddSeconds(2)));
    }
}
