using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The e-mail tables on PostgreSQL: the migration applies, and a person's test mail is queued, sent and logged.</summary>
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
}
