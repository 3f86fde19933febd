using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// The e-mail tables on PostgreSQL: the migration applies, a person's test mail is queued, sent and logged, one alert's
/// mails go out in event order, a flood's digest says which mail alone it follows, and a token about to expire is mailed
/// to its owner once.
/// </summary>
public sealed class MailPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly MailServer _mail = MailServer.Start();

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync()
    {
        _mail.Dispose();
        await _database.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_test_mail_is_sent_and_logged()
    {
        await using var app = _database.Start(_mail.Settings);
        var reader = await app.MailReaderAsync(Roles.Technician, []);
        using var client = await app.ClientOfAsync(reader);
        using var queued = await client.PostAsync("/api/v1/me/notifications/test", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);

        await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return await app.MailLogAsync(reader); },
            l => l.Count == 1 && Expect.Wire(l[0]!["status"]) == "delivered", "the test mail to be delivered");

        Assert.Equal("[FleetOps] Test e-mail", Assert.Single(_mail.To(reader.Email)).Subject);
    }

    [PostgresFact]
    public async Task One_alerts_mails_go_out_in_event_order_after_a_refusal()
    {
        await using var app = _database.Start(_mail.Settings, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var (reader, _, acknowledge, resolve) = await MailOrderTests.AlertMailsAsync(app);
        await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return _mail.To(reader.Email).Count; }, n => n == 1, "the opened mail");
        _mail.Stop();
        try
        {
            await acknowledge();
            await app.SendDueAsync();
        }
        finally
        {
            _mail.Resume();
        }
        await resolve();
        await app.SendDueAsync();
        Assert.Single(_mail.To(reader.Email)); // the resolved mail waits for the acknowledged one

        app.Clock!.Advance(TimeSpan.FromSeconds(15));
        var mails = await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return _mail.To(reader.Email); }, m => m.Count == 3, "all three mails");

        Assert.Equal(["(Opened)", "(Acknowledged)", "(Resolved)"], mails.Select(m => m.Subject ?? "").Select(s => s[s.LastIndexOf('(')..]));
    }

    [PostgresFact]
    public async Task A_flood_is_a_mail_at_once_and_a_digest_that_says_it_follows_that_mail()
    {
        await using var app = _database.Start(new Dictionary<string, string?>(_mail.Settings) { ["FleetOps:Mail:DigestSeconds"] = "60" },
            new FakeTimeProvider(DateTimeOffset.UtcNow));
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var reader = await app.MailReaderAsync(Roles.StoreManager, [store]);
        var terminals = new List<(string Id, string Key)>();
        for (var i = 0; i < 3; i++) terminals.Add(await app.NewTerminalAsync(store));
        foreach (var (id, key) in terminals) await app.PostAcceptedAsync(key, id, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), app.Clock!.GetUtcNow()));
        await Alerts.AlertClockApp.AdvanceAndEvaluateAsync(app, Alerts.AlertClockApp.PastOffline);
        await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return _mail.To(reader.Email).Count; }, n => n == 1, "the first alert's mail");

        app.Clock!.Advance(TimeSpan.FromSeconds(60));
        var mails = await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return _mail.To(reader.Email); }, m => m.Count == 2, "the digest");

        // The mail it follows is found by a query on the outbox, on PostgreSQL as on SQLite.
        Assert.StartsWith($"2 more alerts at Store {store} ({store}) within a short time (Opened), in one e-mail. The first alert of this burst was "
            + "mailed to you on its own at ", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains($" (“{mails[0].Subject}”), so there are 3 in all:\n\n", mails[1].TextBody, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_token_about_to_expire_is_mailed_to_its_owner_once()
    {
        await using var app = _database.Start(_mail.Settings);
        var owner = await app.CreateUserAsync(Roles.StoreManager);
        await app.CreateApiTokenAsync(owner, "nightly export", TimeSpan.FromDays(2));
        var mailer = app.GetService<FleetOps.Web.Notifications.TokenExpiryMailer>();

        await mailer.QueueDueAsync(); // the node's own first look may have queued it already: either way, once
        await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return _mail.To(owner.Email).Count; }, n => n == 1,
            "the expiry mail to be delivered");

        Assert.Equal(0, await mailer.QueueDueAsync());
        Assert.StartsWith("[FleetOps] Your API token nightly export expires on ", Assert.Single(_mail.To(owner.Email)).Subject, StringComparison.Ordinal);
    }
}
