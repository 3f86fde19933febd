using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A flood of alerts is one mail: alerts of one store opened (and resolved) within the window reach each person as one
/// digest in their language, listing every terminal, and show in their log as one row naming how many; a lone alert
/// goes as before, after the window; the resolved digest comes after the opened one.
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
    public async Task Three_terminals_of_a_store_going_offline_and_back_are_two_mails_and_a_lone_alert_one_after_the_window()
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
        Assert.Empty(_mail.Received); // the window: the others of a flood may still come

        _app.Clock!.Advance(Window);
        await _app.SendDueAsync();

        var opened = Assert.Single(_mail.To(english.Email));
        Assert.Equal($"[FleetOps] 3 alerts at Store {flooded} ({flooded}) (Opened)", opened.Subject);
        Assert.StartsWith($"3 alerts at Store {flooded} ({flooded}) within a short time (Opened), in one e-mail:\n\n", opened.TextBody, StringComparison.Ordinal);
        Assert.All(terminals, t => Assert.Contains($"- Warning: Offline – Terminal {t.Id} at store Store {flooded} ({flooded}), ", opened.TextBody, StringComparison.Ordinal));
        Assert.Contains($"https://fleetops.test/alerts?state=all&store={flooded}&kind=offline", opened.TextBody, StringComparison.Ordinal);
        Assert.Empty(opened.References); // a digest threads with none of its alerts
        var chineseMails = _mail.To(chinese.Email);
        Assert.Equal(2, chineseMails.Count);
        Assert.Single(chineseMails, m => m.Subject == $"[FleetOps] Store {flooded}（{flooded}） 的 3 条告警（已产生）");
        Assert.Single(chineseMails, m => m.Subject == $"[FleetOps] 警告：离线 – 门店 Store {quiet}（{quiet}） 的终端 {lone.TerminalId}（已产生）");

        var row = Assert.Single(await _app.MailLogAsync(english))!; // one mail, one row
        Assert.Equal((3, "delivered"), (row["alerts"]!.GetValue<int>(), Expect.Wire(row["status"])));
        Assert.StartsWith(Expect.Wire(row["id"]), opened.MessageId, StringComparison.Ordinal);

        foreach (var (id, key) in terminals) await _app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), _app.Clock.GetUtcNow()));
        await AlertClockApp.AdvanceAndEvaluateAsync(_app, TimeSpan.FromSeconds(1));
        _app.Clock.Advance(Window);
        await _app.SendDueAsync();

        Assert.Equal([$"[FleetOps] 3 alerts at Store {flooded} ({flooded}) (Opened)", $"[FleetOps] 3 alerts at Store {flooded} ({flooded}) (Resolved)"],
            _mail.To(english.Email).Select(m => m.Subject));
    }
}
