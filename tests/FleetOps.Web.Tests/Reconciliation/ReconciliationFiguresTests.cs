using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// The reconciliation figures over HTTP (issue 16 items 4–5): the scorecard from a known report, the exceptions export in
/// the acquirer's layout, scoping to the reader's stores, and a bad filter refused like every export.
/// </summary>
public sealed class ReconciliationFiguresTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static DateTimeOffset Noon => new(DateTimeOffset.UtcNow.Date.AddDays(-4).AddHours(4), TimeSpan.Zero);

    /// <summary>Three sales: credited a day later, credited with the wrong amount, never credited; plus a credit without a sale.</summary>
    private async Task<AcquirerShop> ReportedShopAsync()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000801-0001", "710000000001", 12800, Noon);
        await shop.SettledSaleAsync("000801-0002", "710000000002", 5000, Noon.AddMinutes(5));
        await shop.SettledSaleAsync("000801-0003", "710000000003", 9900, Noon.AddMinutes(10));
        await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(day.AddDays(1), "710000000001", 12800, feeMinor: 64),
            shop.Line(day, "710000000002", 4000),
            shop.Line(day.AddDays(1), "719999999999", 3000),
            shop.Line(day.AddDays(2), "710000000004", 100, feeMinor: 0, merchant: "898000000000001", terminal: "99999999"))); // covers day + 2
        return shop;
    }

    [Fact]
    public async Task The_scorecard_shows_delay_shares_and_fees_of_a_known_report()
    {
        var shop = await ReportedShopAsync();
        using var admin = app.CreateAdminClient();

        var body = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/reconciliation/scorecard?acquirer={shop.Acquirer}"))!.AsObject();

        var score = Assert.Single(body["acquirers"]!.AsArray())!.AsObject();
        Assert.Equal(shop.Acquirer, Expect.Wire(score["acquirer"]));
        Assert.Equal(3, score["sales"]!.GetValue<int>());
        Assert.Equal(1, score["medianCreditDays"]!.GetValue<int>());
        Assert.Equal(1.0 / 3, score["neverCreditedShare"]!.GetValue<double>(), 3);
        Assert.Equal(1.0 / 3, score["creditedWrongShare"]!.GetValue<double>(), 3);
        var fees = Assert.Single(score["fees"]!.AsArray())!;
        Assert.Equal((64L, 64L), (fees["totalMinor"]!.GetValue<long>(), fees["perSaleMinor"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_exceptions_export_lists_each_exception_in_the_acquirers_layout_and_only_in_scope()
    {
        var shop = await ReportedShopAsync();
        using var admin = app.CreateAdminClient();

        var csv = (await admin.GetStringAsync($"/export/reconciliation-exceptions.csv?acquirer={shop.Acquirer}")).TrimStart('\uFEFF');

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(AcquirerShop.Header + ",exception", lines[0], StringComparison.Ordinal);
        Assert.Equal(["amount_mismatch", "credited_without_sale", "not_credited"], lines.Skip(1).Select(l => l.Split(',')[10]).Order());
        Assert.Contains(lines, l => l.Contains(",710000000002,", StringComparison.Ordinal) && l.Contains(",4000,", StringComparison.Ordinal));
        // A sale never credited has no line: its row carries the RRN, amount and currency its terminal recorded, which the
        // acquirer's desk traces it by.
        var never = lines.Single(l => l.Split(',')[10] == "not_credited").Split(',');
        Assert.Equal(("710000000003", "9900", "CNY"), (never[3], never[5], never[6]));

        var other = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [other]);
        using var outsider = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        var theirs = (await outsider.GetStringAsync($"/export/reconciliation-exceptions.csv?acquirer={shop.Acquirer}")).TrimStart('\uFEFF');
        Assert.Single(theirs.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Days_count_every_settled_sale_and_the_ones_no_report_has_reached_await_it()
    {
        var shop = await ReportedShopAsync();
        var judgedDay = DateOnly.FromDateTime(Noon.UtcDateTime);
        // Two sales settled after the report's days: no report covers their credit days yet.
        var laterDay = await shop.SettledSaleAsync("000801-0005", "710000000005", 700, Noon.AddDays(3));
        await shop.SettledSaleAsync("000801-0006", "710000000006", 800, Noon.AddDays(3).AddMinutes(5));

        var view = await app.GetService<FleetOps.Web.Reconciliation.ReconciliationFigures>().ReadAsync(FleetOps.Core.Access.AccessScope.All,
            new FleetOps.Web.Reconciliation.ReconciliationFilter(judgedDay.AddDays(-1), laterDay, shop.Acquirer, null), 50, CancellationToken.None);

        var days = view.Days.Where(d => d.Sales > 0).Select(d => (d.Day, d.Sales, d.Credited, d.Outstanding, d.Mismatches, d.AwaitingReport)).ToList();
        Assert.Equal([(laterDay, 2, 0, 0, 0, 2), (judgedDay, 3, 1, 1, 1, 0)], days);
        Assert.Equal(1.0 / 3, view.Days.Single(d => d.Day == judgedDay).CreditedRate!.Value, 3);
        Assert.Null(view.Days.Single(d => d.Day == laterDay).CreditedRate);
    }

    [Theory]
    [InlineData("/export/reconciliation-exceptions.csv", "acquirer")]
    [InlineData("/export/reconciliation-exceptions.csv?acquirer=unionpay&days=0", "days")]
    [InlineData("/api/v1/reconciliation/scorecard?days=many", "days")]
    [InlineData("/api/v1/reconciliation/scorecard?acquirer=Not%20A%20Bank", "acquirer")]
    public async Task A_bad_filter_is_refused_naming_it(string path, string field)
    {
        using var admin = app.CreateAdminClient();

        await Expect.ValidationProblemAsync(await admin.GetAsync(path), field);
    }
}
