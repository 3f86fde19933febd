using System.Text.RegularExpressions;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A flood of alerts is two mails, the first at once: a store's first opened (or resolved) alert mail goes at once, those
/// following within the window reach each person as one digest in their language, listing every terminal, and show in
/// their log as one row naming how many; a lone alert goes at once; the resolved digest comes after the opened one.
/// </summary>
public sealed class MailDigestTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly MailServer _mail = MailServer.Start();
    private FleetOpsApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
            Settings = new Dictionary<string, string?>(_mail.Settings) { ["FleetOps:Mail:DigestSeconds"] = "60" },
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _mail.Dispose();
    }

    [Fact]
    public async Task Three_terminals_of_a_store_going_offline_are_a_mail_at_once_and_a_digest_of_the_rest_and_a_lone_alert_goes_at_once()
    {
        var (flooded, quiet) = (await _app.CreateStoreAsync(Ids.New("S")), await _app.CreateStoreAsync(Ids.New("S")));
        var chinese = await _app.MailReaderAsync(Roles.RegionalManager, [flooded, quiet], culture: "zh-CN");
        var english = await _app.MailReaderAsync(Roles.StoreManager, [flooded]);
        var terminals = new List<(string Id, string Key)>();
        for (var i = 0; i < 3; i++) terminals.Add(await _app.NewTerminalAsync(flooded));
        var lone = await _app.NewTerminalAsync(quiet);
        foreach (var (id, key) in terminals.Append(lone)) await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock!.GetUtcNow()));
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, AlertClockApp.PastOffline); // four offline alerts at once

        await _app.SendDueAsync();

        // The leading edge: each store's first alert goes at once, to each person; the flood's others wait for the window.
        var first = Assert.Single(_mail.To(english.Email));
        Assert.DoesNotContain("alerts at", first.Subject, StringComparison.Ordinal);
        var chineseAtOnce = _mail.To(chinese.Email);
        Assert.Equal(2, chineseAtOnce.Count);
        Assert.Single(chineseAtOnce, m => m.Subject == $"[FleetOps] 警告：离线 – 门店Store {quiet}（{quiet}）的终端 {lone.TerminalId}（已产生）");

        _app.Clock!.Advance(Window - TimeSpan.FromSeconds(1));
        await _app.SendDueAsync();
        Assert.Single(_mail.To(english.Email)); // not before the window is over
        // Meanwhile the log shows what is coming: one mail of two alerts, waiting for the window's end — not two waiting rows.
        var waiting = (await _app.MailLogAsync(english)).Single(r => Expect.Wire(r!["status"]) == "pending")!;
        Assert.Equal(2, waiting["alerts"]!.GetValue<int>());
        Assert.Equal($"[FleetOps] 2 alerts at Store {flooded} ({flooded}) (Opened)", Expect.Wire(waiting["subject"]));
        Assert.Equal((_app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1)).ToUnixTimeMilliseconds(), waiting["nextAttemptAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await _app.SendDueAsync();

        var digest = _mail.To(english.Email)[1];
        Assert.Equal($"[FleetOps] 2 alerts at Store {flooded} ({flooded}) (Opened)", digest.Subject);
        // It says it follows the first, mailed alone — when, as that mail's own time reads, and under which subject — so the
        // reader counting lines finds all three alerts of the burst.
        var sentAt = Regex.Match(first.TextBody!, "\nTime: ([^\n]+)\n").Groups[1].Value;
        Assert.StartsWith($"2 more alerts at Store {flooded} ({flooded}) within a short time (Opened), in one e-mail. The first alert of this burst was "
            + $"mailed to you on its own at {sentAt} (“{first.Subject}”), so there are 3 in all:\n\n", digest.TextBody, StringComparison.Ordinal);
        // The store is in the heading; each line names its terminal only.
        var inDigest = terminals.Where(t => digest.TextBody!.Contains($"\n- Warning: Offline – Terminal {t.Id}, ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, inDigest.Count);
        Assert.Contains(terminals.Except(inDigest).Single().Id, first.Subject, StringComparison.Ordinal); // every terminal told once
        Assert.Contains($"https://fleetops.test/alerts?state=all&store={flooded}&kind=offline", digest.TextBody, StringComparison.Ordinal);
        Assert.Empty(digest.References); // a digest threads with none of its alerts
        var chineseDigest = Assert.Single(_mail.To(chinese.Email), m => m.Subject == $"[FleetOps] Store {flooded}（{flooded}）的 2 条告警（已产生）");
        var chineseFirst = Assert.Single(chineseAtOnce, m => m.Subject!.Contains($"（{flooded}）", StringComparison.Ordinal));
        var chineseSentAt = Regex.Match(chineseFirst.TextBody!, "\n时间：([^\n]+)\n").Groups[1].Value;
        Assert.StartsWith($"Store {flooded}（{flooded}）短时间内又有 2 条告警（已产生），合并为一封邮件。本轮第一条告警已于 {chineseSentAt} "
            + $"单独发送给您（“{chineseFirst.Subject}”），本轮共 3 条：\n\n- 警告：离线 – 终端 ", chineseDigest.TextBody, StringComparison.Ordinal);

        var rows = await _app.MailLogAsync(english); // two mails, two rows
        Assert.Equal(2, rows.Count);
        var row = rows.Single(r => r!["alerts"] is not null)!;
        Assert.Equal((2, "delivered"), (row["alerts"]!.GetValue<int>(), Expect.Wire(row["status"])));
        Assert.Equal(digest.Subject, Expect.Wire(row["subject"])); // the row says what the mail says
        Assert.StartsWith(Expect.Wire(row["id"]), digest.MessageId, StringComparison.Ordinal);

        // Back a while later: the first resolved mail goes at once, the other two a window after it, as one.
        _app.Clock.Advance(Window);
        foreach (var (id, key) in terminals) await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock.GetUtcNow()));
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, TimeSpan.FromSeconds(1));
        await _app.SendDueAsync();
        _app.Clock.Advance(Window);
        await _app.SendDueAsync();

        var subjects = _mail.To(english.Email).Select(m => m.Subject).ToList();
        Assert.Equal(4, subjects.Count);
        Assert.EndsWith("(Resolved)", subjects[2], StringComparison.Ordinal);
        Assert.Equal($"[FleetOps] 2 alerts at Store {flooded} ({flooded}) (Resolved)", subjects[3]);
    }

    [Fact]
    public async Task Terminals_back_offline_within_the_reopen_window_are_a_digest_that_says_each_is_reopened_in_terminal_order()
    {
        var store = await _app.CreateStoreAsync(Ids.New("S"));
        var english = await _app.MailReaderAsync(Roles.StoreManager, [store]);
        var chinese = await _app.MailReaderAsync(Roles.StoreManager, [store], culture: "zh-CN");
        var terminals = new List<(string Id, string Key)>();
        for (var i = 0; i < 6; i++) terminals.Add(await _app.NewTerminalAsync(store));
        async Task BeatAsync()
        {
            foreach (var (id, key) in terminals) await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock!.GetUtcNow()));
        }
        async Task SendWindowAsync()
        {
            await _app.SendDueAsync();
            _app.Clock!.Advance(Window);
            await _app.SendDueAsync();
        }
        await BeatAsync();
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, AlertClockApp.PastOffline); // offline
        await SendWindowAsync();
        await BeatAsync();
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, TimeSpan.FromSeconds(1)); // back: resolved
        await SendWindowAsync();

        await AlertClockApp.AdvanceAndEvaluateAsync(_app, AlertClockApp.PastOffline); // offline again, within the reopen window
        await SendWindowAsync();

        var mails = _mail.To(english.Email);
        Assert.Equal(6, mails.Count); // opened, resolved and reopened: each the first at once and a digest of the other five
        Assert.EndsWith("(Reopened)", mails[4].Subject, StringComparison.Ordinal);
        var digest = mails[5];
        Assert.Equal($"[FleetOps] 5 alerts at Store {store} ({store}) (Opened)", digest.Subject);
        var lines = digest.TextBody!.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.EndsWith(" – reopened (occurrence 2)", l, StringComparison.Ordinal)); // not five new troubles
        var listed = lines.Select(l => terminals.Single(t => l.Contains($"– Terminal {t.Id}, ", StringComparison.Ordinal)).Id).ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed); // by terminal, as a manager looks one up
        Assert.Contains("– 再次出现（第 2 次）\n", _mail.To(chinese.Email)[5].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_following_a_digest_names_that_digest_not_a_first_alert_mailed_alone()
    {
        var store = await _app.CreateStoreAsync(Ids.New("S"));
        var reader = await _app.MailReaderAsync(Roles.StoreManager, [store]);
        var (early, late) = (new List<(string Id, string Key)>(), new List<(string Id, string Key)>());
        for (var i = 0; i < 3; i++) early.Add(await _app.NewTerminalAsync(store));
        for (var i = 0; i < 2; i++) late.Add(await _app.NewTerminalAsync(store));
        async Task BeatAsync(IEnumerable<(string Id, string Key)> terminals)
        {
            foreach (var (id, key) in terminals) await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock!.GetUtcNow()));
        }
        await BeatAsync(early.Concat(late));
        _app.Clock!.Advance(TimeSpan.FromSeconds(100));
        await BeatAsync(late); // the late ones fall silent 100 s after the early ones
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, TimeSpan.FromSeconds(100)); // the early three offline
        await _app.SendDueAsync(); // the first alone
        _app.Clock.Advance(Window);
        await _app.SendDueAsync(); // the other two early ones
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, TimeSpan.FromSeconds(30)); // the late two offline, within a window of that digest
        await _app.SendDueAsync();
        _app.Clock.Advance(Window);
        await _app.SendDueAsync();

        var mails = _mail.To(reader.Email);
        Assert.Equal(3, mails.Count);
        Assert.StartsWith($"2 more alerts at Store {store} ({store}) within a short time (Opened), in one e-mail. The first alert of this burst was mailed",
            mails[1].TextBody, StringComparison.Ordinal);
        // The late two follow a digest, not a mail alone: they name that digest, as the reader received it, not a first alert.
        Assert.Equal($"[FleetOps] 2 alerts at Store {store} ({store}) (Opened)", mails[2].Subject);
        Assert.StartsWith($"2 more alerts at Store {store} ({store}) within a short time (Opened), in one e-mail. They follow the 2 alerts mailed to you together at ",
            mails[2].TextBody, StringComparison.Ordinal);
        Assert.Contains($"(“{mails[1].Subject}”):\n\n- Warning: Offline – Terminal ", mails[2].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_whose_first_alert_s_mail_was_refused_does_not_claim_it_was_mailed()
    {
        var (store, reader) = await StoreOfHeardTerminalsAsync(3);
        _mail.Refuse("550 5.1.1 Mailbox unavailable");
        try
        {
            await AlertClockApp.AdvanceAndEvaluateAsync(_app, AlertClockApp.PastOffline);
            await _app.SendDueAsync(); // the first alert's mail fails for good
        }
        finally
        {
            _mail.Resume();
        }
        _app.Clock!.Advance(Window);
        await _app.SendDueAsync();

        var digest = Assert.Single(_mail.To(reader.Email));
        Assert.Equal($"[FleetOps] 2 alerts at Store {store} ({store}) (Opened)", digest.Subject);
        Assert.StartsWith($"2 alerts at Store {store} ({store}) within a short time (Opened), in one e-mail:\n\n- Warning: Offline – Terminal ",
            digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sixty_terminals_of_a_store_going_offline_are_two_mails_not_a_digest_per_fifty()
    {
        var (store, reader) = await StoreOfHeardTerminalsAsync(60);
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, AlertClockApp.PastOffline);

        await _app.SendDueAsync();
        _app.Clock!.Advance(Window);
        await _app.SendDueAsync();

        var mails = _mail.To(reader.Email);
        Assert.Equal(2, mails.Count); // the first at once and one digest: not 50 + 9, which the reader would have to add up
        Assert.Equal($"[FleetOps] 59 alerts at Store {store} ({store}) (Opened)", mails[1].Subject);
        Assert.Contains("), so there are 60 in all:\n\n", mails[1].TextBody, StringComparison.Ordinal); // 59 + the one mailed alone
    }

    /// <summary>A new store of <paramref name="count"/> terminals, each heard once now, and a store manager reading its mail.</summary>
    private async Task<(string Store, TestUser Reader)> StoreOfHeardTerminalsAsync(int count)
    {
        var store = await _app.CreateStoreAsync(Ids.New("S"));
        var reader = await _app.MailReaderAsync(Roles.StoreManager, [store]);
        for (var i = 0; i < count; i++)
        {
            var (id, key) = await _app.NewTerminalAsync(store);
            await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock!.GetUtcNow()));
        }
        return (store, reader);
    }
}
