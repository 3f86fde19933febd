using System.Net;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// The alert list pages in the database (resolved alerts live only there): on PostgreSQL a page far beyond the end is
/// empty. (page − 1) × size used to wrap in <c>int</c> to a negative OFFSET, which PostgreSQL refuses — a 500.
/// </summary>
public sealed class AlertListPostgresTests
{
    [PostgresFact]
    public async Task A_page_far_beyond_the_end_is_empty_not_a_server_error()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        await using var app = database.Start();
        var openedAt = DateTimeOffset.UtcNow.AddDays(-3);
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            db.Alerts.Add(new AlertRow
            {
                Kind = "offline", Severity = "warning", StoreCode = "S-PAGE", State = "resolved", OpenedAtMs = openedAt.ToUnixTimeMilliseconds(),
                LastSeenAtMs = openedAt.ToUnixTimeMilliseconds(), Occurrences = 1, ResolvedAtMs = openedAt.AddHours(1).ToUnixTimeMilliseconds(),
            });
            await db.SaveChangesAsync();
        }
        using var admin = app.CreateAdminClient();

        using var response = await admin.GetAsync("/api/v1/alerts?state=all&page=8589935&pageSize=500");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var page = await Expect.JsonObjectAsync(response);
        Assert.Empty(page.Items());
        Assert.Equal(1, page["total"]!.GetValue<int>());
    }
}
