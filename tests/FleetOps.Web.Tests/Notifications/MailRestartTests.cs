using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A mail that found the SMTP server down before a restart is sent after it, from the stored schedule, with the Message-ID
/// made of its delivery id as the API shows it.
/// </summary>
public sealed class MailRestartTests : IDisposable
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private readonly MailServer _mail = MailServer.Start();

    public void Dispose()
    {
        _mail.Dispose();
        FleetOpsApp.DeleteDatabase(_database);
    }

    [Fact]
    public async Task A_mail_not_sent_before_a_restart_is_sent_by_the_next_server()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        TestUser reader;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions
            { Clock = clock, DatabasePath = _database, DeleteDatabaseOnDispose = false, Settings = _mail.Settings }))
        {
            var store = await first.CreateStoreAsync(Ids.New("S"));
            reader = await first.MailReaderAsync(Roles.StoreManager, [store]);
            var (terminal, key) = await first.NewTerminalAsync(store);
            await first.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            _mail.Stop();
            clock.Advance(TimeSpan.FromSeconds(200));
            first.GetService<Core.Fleet.FleetState>().Sweep(includePower: true);
            await first.GetService<Web.Alerts.AlertService>().EvaluateAsync();
            await first.SendDueAsync();
            Assert.Equal(1, Assert.Single(await first.MailLogAsync(reader))!["attempts"]!.GetValue<int>());
        }
        _mail.Resume();

        // The next server starts after the retry fell due: it resumes from the stored schedule, on its own.
        var later = new FakeTimeProvider(clock.GetUtcNow().AddSeconds(30));
        await using var second = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = later, DatabasePath = _database, Settings = _mail.Settings });
        var mails = await Eventually.MatchesAsync(
            async () => { await second.SendDueAsync(); return _mail.To(reader.Email); }, m => m.Count == 1, "the mail after the restart");

        var sent = Assert.Single(await second.MailLogAsync(reader))!;
        Assert.Equal(2, sent["attempts"]!.GetValue<int>());
        // The id as the API shows it, and the host of the public address: found by pasting what the page shows.
        Assert.Equal($"{Expect.Wire(sent["id"])}@fleetops.test", mails[0].MessageId);
    }
}
