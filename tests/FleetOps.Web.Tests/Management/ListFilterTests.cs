using System.Net;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// One parser for list filters and paging: every list endpoint and export answers a bad value with a 400 that names
/// the parameter — the CSV exports included, which used to ignore it and return the whole, unfiltered list.
/// </summary>
public sealed class ListFilterTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    public static TheoryData<string, string> BadFilters() => new()
    {
        { "/api/v1/terminals?connectivity=sleeping", "connectivity" },
        { "/api/v1/terminals?power=flaky", "power" },
        { "/api/v1/terminals?software=ancient", "software" },
        { "/api/v1/terminals?page=0", "page" },
        { "/api/v1/terminals?page=two", "page" },
        { "/api/v1/terminals?pageSize=100000", "pageSize" },
        { "/api/v1/terminals?pageSize=-5", "pageSize" },
        { "/api/v1/terminals?store=,,", "store" },
        { "/api/v1/terminals?search=%00", "search" },
        { "/api/v1/terminals?model=4111-1111-1111-1111", "model" },
        { "/api/v1/transactions/unsettled?reason=lost", "reason" },
        { "/api/v1/transactions/unsettled?caseStatus=closed", "caseStatus" },
        { "/api/v1/transactions/unsettled?page=1.5", "page" },
        { "/api/v1/transactions/unsettled?pageSize=0", "pageSize" },
        { "/api/v1/transactions/unsettled.csv?reason=incomplete,lost", "reason" },
        { "/api/v1/transactions/unsettled.csv?caseStatus=open", "caseStatus" },
        { "/export/terminals.csv?connectivity=sleeping", "connectivity" },
        { "/export/terminals.csv?software=ancient", "software" },
        { "/export/terminals.csv?search=" + "%E2%80%8B4111%201111%201111%201111", "search" },
        { "/export/terminals.csv?lang=fr", "lang" },
        { "/api/v1/transactions/unsettled.csv?lang=zh-TW", "lang" },
        { "/api/v1/workorders?state=finished", "state" },
        { "/api/v1/workorders?from=yesterday", "from" },
        { "/api/v1/workorders?to=2026-13-45T00:00:00Z", "to" },
        { "/api/v1/workorders?assignee=%00", "assignee" },
        { "/api/v1/workorders?store=,,", "store" },
        { "/api/v1/workorders?pageSize=501", "pageSize" },
        { "/api/v1/workorders?region=%00", "region" },
        { "/api/v1/maintenance/kpis?from=yesterday", "from" },
        { "/api/v1/maintenance/kpis?to=2026-13-45T00:00:00Z", "to" },
        { "/api/v1/maintenance/kpis?region=%00", "region" },
        { "/api/v1/maintenance/kpis?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to" },
        { "/api/v1/maintenance/kpis?from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "from" },
        // Dates at the ends of the calendar: a 400 naming the parameter, not a 500 from the period's own arithmetic.
        { "/api/v1/maintenance/kpis?from=9999-12-01T00:00:00Z&to=9999-12-31T23:59:59Z", "from" },
        { "/api/v1/maintenance/kpis?from=9999-12-01T00:00:00Z&to=9999-12-31T23:59:59Z", "to" },
        { "/api/v1/maintenance/kpis?from=0001-01-01T00:00:00Z&to=0001-12-01T00:00:00Z", "from" },
        { "/api/v1/maintenance/kpis?to=2100-01-01T00:00:00Z", "to" },
        { "/api/v1/workorders?from=0001-01-01T00:00:00Z", "from" },
        { "/api/v1/workorders?to=9999-12-31T23:59:59Z", "to" },
        { "/api/v1/workorders?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to" },
        { "/api/v1/mutes?store=,,", "store" },
        { "/api/v1/mutes?terminal=%00", "terminal" },
        { "/api/v1/mutes?terminal=NO-SUCH-TERMINAL", "terminal" }, // not "every whole-store window"
        { "/api/v1/tokens?status=live", "status" },
        { "/api/v1/tokens?status=valid,revoked", "status" },
        { "/api/v1/tokens?search=4111111111111111", "search" },
        { "/api/v1/tokens?owner=%00", "owner" },
        { "/api/v1/tokens?pageSize=501", "pageSize" },
        { "/api/v1/tokens?page=zero", "page" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task Bad_filter_value_is_a_400_naming_the_parameter(string url, string field)
    {
        using var admin = app.CreateAdminClient();

        var response = await admin.GetAsync(url);

        await Expect.ValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("/api/v1/terminals?connectivity=ONLINE&page=1&pageSize=10")]
    [InlineData("/api/v1/transactions/unsettled?reason=interrupted_by_power_loss&caseStatus=none,check_record")]
    [InlineData("/api/v1/transactions/unsettled.csv?reason=not_settled")]
    [InlineData("/export/terminals.csv?connectivity=offline&power=unstable&software=current")]
    [InlineData("/api/v1/workorders?state=in_progress&from=2026-12-01T00:00:00%2B08:00&to=2026-12-08T00:00:00Z&page=1&pageSize=500&region=East")]
    [InlineData("/api/v1/maintenance/kpis?from=2026-09-01T00:00:00%2B08:00&to=2026-12-01T00:00:00Z&region=East")]
    [InlineData("/api/v1/maintenance/kpis?from=2000-01-01T00:00:00Z&to=2000-02-01T00:00:00Z")]
    [InlineData("/api/v1/maintenance/kpis?from=2099-12-01T00:00:00Z&to=2099-12-31T23:59:59Z")]
    public async Task Good_filter_values_are_accepted(string url)
    {
        using var admin = app.CreateAdminClient();

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
