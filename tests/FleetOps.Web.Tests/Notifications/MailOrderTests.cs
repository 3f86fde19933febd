using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// One alert's mails to one person arrive in event order: a resolved mail waits while the acknowledged one before it is in
/// back-off, and says so in the log, and both go, in order, once the server takes mail again — nothing lost.
/// </summary>
[Collection(MailClockCollection.Name)]
public sealed class MailOrderTests(MailClockApp app)
{
    [Fact]
    public async Task A_resolved_mail_waits_for_the_acknowledged_one_the_server_refused_and_both_arrive_in_order()
    {
        var (reader, terminal, acknowledge, resolve) = await AlertMailsAsync(app);
        await app.SendDueAsync(); // opened, delivered

        app.Mail.Stop();
        try
        {
            await acknowledge();
            await app.SendDueAsync(); // refused: in back-off for 15 s
        }
        finally
        {
            app.Mail.Resume();
        }
        await resolve(); // a second later, the server taking mail again
        await app.SendDueAsync();

        Assert.Equal(["(Opened)"], Events(app, reader));
        var log = await app.MailLogAsync(reader);
        var (resolved, acknowledged) = (log[0]!, log[1]!);
        Assert.Equal(("alert.resolved", "pending", 0), (Expect.Wire(resolved["type"]), Expect.Wire(resolved["status"]), resolved["attempts"]!.GetValue<int>()));
        Assert.Equal(Expect.Wire(acknowledged["id"]), Expect.Wire(resolved["waitsFor"]));

        app.Clock!.Advance(TimeSpan.FromSeconds(15)); // the acknowledged mail's retry falls due
        await app.SendDueAsync();

        Assert.Equal(["(Opened)", "(Acknowledged)", "(Resolved)"], Events(app, reader));
        Assert.All(await app.MailLogAsync(reader), d => Assert.Equal("delivered", Expect.Wire(d!["status"])));
        Assert.Contains(terminal, app.Mail.To(reader.Email)[^1].Subject, StringComparison.Ordinal);
    }

    /// <summary>
    /// A reader of a new store's alerts on an app with a fake clock, the terminal, and how its offline alert is acknowledged
    /// (by someone else) and resolved; the alert is open, its mail not necessarily sent yet.
    /// </summary>
    internal static async Task<(TestUser Reader, string Terminal, Func<Task> Acknowledge, Func<Task> Resolve)> AlertMailsAsync(FleetOpsApp app)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var reader = await app.MailReaderAsync(Roles.StoreManager, [store]);
        var acknowledger = await app.CreateUserAsync(Roles.RegionalManager, stores: [store]);
        var (terminal, key) = await AlertClockApp.OfflineTerminalAsync(app, store);
        var alertId = Assert.Single(await app.MailLogAsync(reader))!["alertId"]!.GetValue<long>();
        return (reader, terminal, Acknowledge, Resolve);

        async Task Acknowledge()
        {
            using var client = await app.ClientOfAsync(acknowledger);
            using var response = await client.PostAsJsonAsync($"/api/v1/alerts/{alertId}/acknowledge", new { note = "on it" });
            await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        }

        async Task Resolve()
        {
            await app.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), app.Clock!.GetUtcNow()));
            await AlertClockApp.AdvanceAndEvaluateAsync(app, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The events of the reader's mails, in the order the server received them.</summary>
    private static List<string> Events(MailClockApp app, TestUser reader) =>
        app.Mail.To(reader.Email).Select(m => m.Subject ?? "").Select(s => s[s.LastIndexOf('(')..]).ToList();
}
