using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using MimeKit;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// What an alert mail says, in both languages: the store by its name and code, what the alert is about under a label that
/// is not the e-mail's subject, who acknowledged it and their note (and no mail to them about their own click), and a
/// reopened alert as reopened, with its occurrence and when it first opened.
/// </summary>
[Collection(MailClockCollection.Name)]
public sealed class MailWordingTests(MailClockApp app)
{
    [Fact]
    public async Task Mails_name_the_store_and_the_acknowledged_one_says_who_and_their_note_but_not_to_them()
    {
        var store = await NamedStoreAsync("上海1号店");
        var chinese = await app.MailReaderAsync(Roles.StoreManager, [store], culture: "zh-CN");
        var english = await app.MailReaderAsync(Roles.StoreManager, [store]);
        var acknowledger = await app.MailReaderAsync(Roles.RegionalManager, [store]);
        var (_, terminal, _) = await app.OfflineTerminalAsync(store);
        await app.SendDueAsync();

        var opened = Assert.Single(app.Mail.To(english.Email));
        Assert.Equal($"[FleetOps] Warning: Offline – Terminal {terminal} at store 上海1号店 ({store}) (Opened)", opened.Subject);
        Assert.Contains($"About: Terminal {terminal} at store 上海1号店 ({store})\n", opened.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject:", opened.TextBody, StringComparison.Ordinal);
        Assert.Equal($"[FleetOps] 警告：离线 – 门店上海1号店（{store}）的终端 {terminal}（已产生）", Assert.Single(app.Mail.To(chinese.Email)).Subject);

        using var client = await app.ClientOfAsync(acknowledger);
        var id = Assert.Single(await app.MailLogAsync(english))!["alertId"]!.GetValue<long>();
        using var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "店员已去检查 <b>电源</b> & 网线" });
        await Expect.StatusAsync(ack, System.Net.HttpStatusCode.OK);
        await app.SendDueAsync();

        var acknowledged = Ending(app.Mail.To(english.Email), "(Acknowledged)");
        Assert.Contains($"Acknowledged by: Test {Roles.RegionalManager}\nNote: 店员已去检查 <b>电源</b> & 网线\n", acknowledged.TextBody, StringComparison.Ordinal);
        Assert.Null(acknowledged.HtmlBody); // plain text only: the note needs no escaping
        Assert.Contains($"确认人：Test {Roles.RegionalManager}\n备注：店员已去检查 <b>电源</b> & 网线\n", Ending(app.Mail.To(chinese.Email), "（已确认）").TextBody, StringComparison.Ordinal);
        Assert.Single(app.Mail.To(acknowledger.Email)); // the opened one; not their own acknowledgement
        // Automatic, and one thread per alert in a mail client.
        Assert.All(app.Mail.To(english.Email), m => Assert.Equal(
            ("auto-generated", $"alert-{id}@fleetops.test", $"alert-{id}@fleetops.test"), (m.Headers["Auto-Submitted"], m.InReplyTo, Assert.Single(m.References))));
    }

    [Fact]
    public async Task A_reopened_alert_is_mailed_as_reopened_with_its_occurrence_and_first_opening()
    {
        var store = await NamedStoreAsync("杭州2号店");
        var chinese = await app.MailReaderAsync(Roles.StoreManager, [store], culture: "zh-CN");
        var english = await app.MailReaderAsync(Roles.StoreManager, [store]);
        var (_, terminal, key) = await app.OfflineTerminalAsync(store);
        await app.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), app.Now()));
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1)); // resolved
        await app.AdvanceAndEvaluateAsync(Alerts.AlertClockApp.PastOffline); // offline again within the reopen window
        await app.SendDueAsync();

        var reopened = Ending(app.Mail.To(english.Email), "(Reopened)");
        Assert.Equal($"[FleetOps] Warning: Offline – Terminal {terminal} at store 杭州2号店 ({store}) (Reopened)", reopened.Subject);
        Assert.Matches(@"\nEvent: Reopened\nTime: [^\n]+\+08:00\nOccurrence: 2, first opened [^\n]+\+08:00\n", reopened.TextBody);
        var chineseMail = Ending(app.Mail.To(chinese.Email), "（再次出现）");
        Assert.Matches(@"\n发生次数：第 2 次，首次产生于 [^\n]+\+08:00\n", chineseMail.TextBody);
        // Opened, resolved, reopened: the first opening stays "Opened".
        Assert.Equal(["(Opened)", "(Reopened)", "(Resolved)"], app.Mail.To(english.Email).Select(m => m.Subject ?? "").Select(s => s[s.LastIndexOf('(')..]).Order());
    }

    /// <summary>The one mail whose subject ends with the event <paramref name="end"/>: the server may list mails out of sending order.</summary>
    private static MimeMessage Ending(IReadOnlyList<MimeMessage> mails, string end) =>
        Assert.Single(mails, m => (m.Subject ?? "").EndsWith(end, StringComparison.Ordinal));

    private async Task<string> NamedStoreAsync(string name)
    {
        var code = Ids.New("S");
        using var admin = app.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/stores", new { code, name, region = "East", timeZone = "Asia/Shanghai" });
        await Expect.StatusAsync(response, System.Net.HttpStatusCode.Created);
        return code;
    }
}
