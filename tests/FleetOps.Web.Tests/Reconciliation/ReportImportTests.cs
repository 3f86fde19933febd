using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FleetOps.Core.Cases;
using FleetOps.Web.Cases;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// PROTOCOL §11 through the API: a settlement report is imported and matched with the terminals' sales, every outcome
/// is counted, a settled sale without a credit shows on the worklist as <c>not_credited</c> with the report that proves
/// it, and a later credit closes its case as re-credited by itself.
/// </summary>
public sealed class ReportImportTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static DateTimeOffset Noon => new(DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(4), TimeSpan.Zero);

    [Fact]
    public async Task Report_counts_each_outcome_and_a_missing_credit_puts_the_sale_on_the_worklist_with_its_proof()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000701-0001", "700000000001", 12800, Noon);
        await shop.SettledSaleAsync("000701-0002", "700000000002", 5000, Noon.AddMinutes(5));
        await shop.SettledSaleAsync("000701-0003", "700000000003", 9900, Noon.AddMinutes(10));

        var body = await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(day, "700000000001", 12800),
            shop.Line(day.AddDays(1), "700000000002", 4000),              // the acquirer credited the wrong amount
            shop.Line(day.AddDays(1), "799999999999", 3000),              // a credit no terminal recorded
            shop.Line(day.AddDays(2), "700000000009", 3000, merchant: "898000000000001", terminal: "99999999"))); // not ours

        Assert.Equal((4, 1, 1, 1, 0), (Int(body, "rows"), Int(body, "matched"), Int(body, "amountMismatches"), Int(body, "creditedWithoutSale"), Int(body, "duplicates")));
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal(5, Int(error!.AsObject(), "row"));
        Assert.Contains("Unknown merchant id '898000000000001' and terminal id '99999999'", Expect.Wire(error["error"]));

        var items = (await app.UnsettledInAsync(shop.Store)).Items();
        var item = Assert.Single(items);
        Assert.Equal(("000701-0003", "not_credited"), (Expect.Wire(item["transactionId"]), Expect.Wire(item["reason"])));
        Assert.Equal(Int(body, "id"), Int(item["creditReport"]!.AsObject(), "id"));
        Assert.Equal(day.AddDays(2).ToString("yyyy-MM-dd"), Expect.Wire(item["creditReport"]!["lastDay"]));
        using var admin = app.CreateAdminClient();
        var filtered = (await admin.UnsettledAsync($"?store={shop.Store}&reason=not_credited")).Items();
        Assert.Equal("000701-0003", Expect.Wire(Assert.Single(filtered)["transactionId"]));
        var csv = await admin.GetStringAsync($"/api/v1/transactions/unsettled.csv?store={shop.Store}&lang=en");
        Assert.Contains("Not credited", csv);
        Assert.Equal(9900, app.GetService<FleetOps.Core.Transactions.TransactionBook>().Summary(new HashSet<string> { shop.Store }).Risk.Sum(r => r.AmountMinor));
    }

    [Fact]
    public async Task Same_file_again_answers_with_the_first_import_and_changes_nothing()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000702-0001", "700000000011", 12800, Noon);
        var csv = AcquirerShop.Csv(shop.Line(day, "700000000011", 12800), shop.Line(day.AddDays(2), "700000000012", 100));
        var first = await shop.ImportAsync(csv);

        var again = await shop.ImportAsync(csv, HttpStatusCode.OK, fileName: "renamed.csv");

        Assert.Equal(Int(first, "id"), Int(again, "id"));
        Assert.Equal((1, 1), (Int(again, "matched"), Int(again, "creditedWithoutSale")));
        using var admin = app.CreateAdminClient();
        var mine = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/reconciliation/reports"))!["items"]!.AsArray()
            .Where(r => Expect.Wire(r!["acquirer"]) == shop.Acquirer).ToList();
        Assert.Single(mine);
    }

    [Fact]
    public async Task Same_lines_in_another_file_are_duplicates_never_a_second_credit()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000703-0001", "700000000021", 12800, Noon);
        var line = shop.Line(day, "700000000021", 12800);
        await shop.ImportAsync(AcquirerShop.Csv(line, shop.Line(day.AddDays(1), "700000000029", 100)));

        // The next day's file repeats yesterday's line (reports overlap) and brings a second, real credit for the same sale.
        var second = await shop.ImportAsync(AcquirerShop.Csv(line, shop.Line(day.AddDays(2), "700000000021", 12800)));

        Assert.Equal((2, 0, 2), (Int(second, "rows"), Int(second, "matched"), Int(second, "duplicates")));
        Assert.Null(await ReasonAsync(shop, "000703-0001"));
    }

    [Fact]
    public async Task Not_credited_sale_credited_by_the_next_report_closes_its_case_as_re_credited()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000704-0001", "700000000031", 12800, Noon);
        await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day, "700000000039", 100), shop.Line(day.AddDays(2), "700000000038", 100)));
        Assert.Equal("not_credited", await ReasonAsync(shop, "000704-0001"));
        var service = app.GetService<CaseService>();
        var opened = await service.OpenAsync(shop.TerminalId, "000704-0001", shop.Store, "manager@example.test");
        // A case opened on a settled sale must not be taken for "settled late": the money has still not arrived.
        Assert.False(app.GetService<CaseBook>().Get(opened.Id)!.IsResolved);

        await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day.AddDays(3), "700000000031", 12800)));

        var resolved = await Eventually.MatchesAsync(() => Task.FromResult(app.GetService<CaseBook>().Get(opened.Id)!), c => c.IsResolved,
            "the case to close as re-credited");
        Assert.Equal(CaseOutcome.ReCredited, resolved.Outcome);
        Assert.Null(await ReasonAsync(shop, "000704-0001"));
    }

    [Fact]
    public async Task Xlsx_report_whose_booking_dates_are_date_cells_is_imported_like_its_csv()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000709-0001", "700000000091", 12800, Noon);
        Dictionary<string, object> Line(DateTime bookedAt, string rrn, long amountMinor) => new()
        {
            ["date"] = bookedAt, ["merchantId"] = shop.MerchantId, ["terminalId"] = shop.AcquirerTerminalId, ["rrn"] = rrn, ["authCode"] = "A1B2C3",
            ["amountMinor"] = amountMinor, ["currency"] = "CNY", ["maskedPan"] = "622848******1234", ["type"] = "sale", ["feeMinor"] = 50L,
        };
        using var workbook = new MemoryStream();
        // MiniExcel writes a DateTime as Excel does: a day number in a date format, not text.
        await MiniExcelLibs.MiniExcel.SaveAsAsync(workbook, new[]
        {
            Line(day.ToDateTime(TimeOnly.MinValue), "700000000091", 12800),
            Line(day.AddDays(2).ToDateTime(new TimeOnly(18, 30)), "700000000099", 100),
        });

        using var response = await AcquirerShop.UploadAsync(app, shop.Acquirer, workbook.ToArray(), fileName: "report.xlsx");

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var body = await Expect.JsonObjectAsync(response);
        Assert.Equal((2, 0, 1, 1), (Int(body, "rows"), Int(body, "errorCount"), Int(body, "matched"), Int(body, "creditedWithoutSale")));
        Assert.Equal((day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (Expect.Wire(body["firstDay"]), Expect.Wire(body["lastDay"])));
    }

    [Fact]
    public async Task A_saved_profile_s_type_words_read_in_any_letter_case_and_a_bad_row_says_what_the_file_may_say()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000710-0001", "700000000101", 12800, Noon);
        var profile = Ids.New("tw").ToLowerInvariant();
        var columns = AcquirerShop.Header.Split(',').ToDictionary(h => string.Concat(h.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString())));
        using var admin = app.CreateAdminClient();
        using (var saved = await admin.PutAsJsonAsync($"/api/v1/reconciliation/profiles/{profile}",
                   new { acquirer = shop.Acquirer, columns, typeWords = new Dictionary<string, string> { ["Purchase"] = "sale" } }))
        {
            await Expect.StatusAsync(saved, HttpStatusCode.OK);
        }

        using var response = await shop.UploadAsync(AcquirerShop.Csv(shop.Line(day, "700000000101", 12800, type: "purchase"),
            shop.Line(day, "700000000102", 100, type: "gift"),
            shop.Line(day, "700000000103", 1).Replace(",1,CNY,", ",99999999999999999999,CNY,", StringComparison.Ordinal)), profile: profile);

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var body = await Expect.JsonObjectAsync(response);
        Assert.Equal((3, 1), (Int(body, "rows"), Int(body, "matched")));
        Assert.Equal([(3, "'type' must be one of the profile's words, in any letter case: Purchase; or one of: sale, refund, chargeback."),
                (4, "'amountMinor' is too large: at most 1000000000000 minor units.")],
            body["errors"]!.AsArray().Select(e => (Int(e!.AsObject(), "row"), Expect.Wire(e["error"]))));
    }

    [Fact]
    public async Task Header_with_missing_and_unknown_columns_is_refused_naming_them()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        using var response = await shop.UploadAsync("date,merchantId,terminalId,rrn,amount,currency,type\n2026-11-30,1,2,3,4,CNY,sale\n");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("missing columns: amountMinor", Expect.Wire(problem["detail"]));
        Assert.Contains("unknown columns: amount", Expect.Wire(problem["detail"]));
        await NothingStoredAsync(shop);
    }

    [Fact]
    public async Task Full_card_number_in_any_row_refuses_the_whole_file_naming_the_row()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000705-0001", "700000000041", 12800, Noon);
        var leaked = shop.Line(day, "700000000042", 100).Replace("622848******1234", "6228480402564890018");
        using var response = await shop.UploadAsync(AcquirerShop.Csv(shop.Line(day, "700000000041", 12800), leaked));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Row 3 holds a full card number", Expect.Wire(problem["detail"]));
        Assert.DoesNotContain("6228480402564890018", problem.ToJsonString());
        await NothingStoredAsync(shop);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Booking_date_far_in_the_future_or_past_is_a_row_error_and_covers_no_day(string date)
    {
        var shop = await AcquirerShop.OpenAsync(app);

        var body = await shop.ImportAsync(AcquirerShop.Csv(shop.Line(DateOnly.Parse(date, CultureInfo.InvariantCulture), "700000000061", 100)));

        Assert.Equal((1, 0, 1), (Int(body, "rows"), Int(body, "matched"), Int(body, "errorCount")));
        var error = Assert.Single(body["errors"]!.AsArray())!.AsObject();
        Assert.Equal(2, Int(error, "row"));
        Assert.StartsWith("'date' is ", Expect.Wire(error["error"]));
        Assert.Null(body["firstDay"]);
        Assert.Null(body["lastDay"]);
    }

    [Fact]
    public async Task Booking_date_beyond_tomorrow_is_a_row_error_and_the_report_claims_no_coverage_up_to_it()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var today = await shop.SettledSaleAsync("000707-0001", "700000000071", 12800, DateTimeOffset.UtcNow.AddMinutes(-5));
        var yesterday = today.AddDays(-1);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var body = await shop.ImportAsync(AcquirerShop.Csv(shop.Line(yesterday, "700000000079", 100), shop.Line(new DateOnly(2999, 6, 1), "700000000078", 100),
            shop.Line(today.AddDays(3), "700000000077", 100)));

        // The walk covers yesterday only: before, it walked ~973 years day by day (112 s) and judged today's sale.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"the import took {started.Elapsed}");
        Assert.Equal((3, 2), (Int(body, "rows"), Int(body, "errorCount")));
        Assert.Equal([3, 4], body["errors"]!.AsArray().Select(e => Int(e!.AsObject(), "row")));
        Assert.All(body["errors"]!.AsArray(), e => Assert.Contains("'date' is later than", Expect.Wire(e!["error"])));
        Assert.Equal((yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (Expect.Wire(body["firstDay"]), Expect.Wire(body["lastDay"])));
        Assert.Null(await ReasonAsync(shop, "000707-0001"));
    }

    [Fact]
    public async Task Header_without_lines_is_refused_and_nothing_stored()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        using var response = await shop.UploadAsync(AcquirerShop.Header + "\n\n");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("a header row and at least one line are needed", Expect.Wire(problem["detail"]));
        await NothingStoredAsync(shop);
    }

    [Fact]
    public async Task Acquirer_name_in_capitals_is_refused_so_the_same_file_is_never_imported_twice()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000708-0001", "700000000081", 12800, Noon);
        var csv = Encoding.UTF8.GetBytes(AcquirerShop.Csv(shop.Line(day, "700000000081", 12800)));
        using (var first = await AcquirerShop.UploadAsync(app, shop.Acquirer, csv)) await Expect.StatusAsync(first, HttpStatusCode.Created);

        using var again = await AcquirerShop.UploadAsync(app, shop.Acquirer.ToUpperInvariant(), csv);

        var problem = await Expect.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal("'acquirer' is a lower-case acquirer name (e.g. unionpay).", Expect.Wire(problem["detail"]));
        using var admin = app.CreateAdminClient();
        var reports = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/reconciliation/reports"))!["items"]!.AsArray();
        Assert.Single(reports, r => string.Equals(Expect.Wire(r!["acquirer"]), shop.Acquirer, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, (await shop.CreditAsync("000708-0001")).Credits);
    }

    [Theory]
    [InlineData(null, "report.csv", "No acquirer")]
    [InlineData("nobody-credits-this", "report.csv", "No store is credited by acquirer")]
    [InlineData("", "report.pdf", "Unsupported file type")]
    public async Task Bad_form_fields_are_refused(string? acquirer, string fileName, string expected)
    {
        var shop = await AcquirerShop.OpenAsync(app);
        using var response = await AcquirerShop.UploadAsync(app, acquirer == "" ? shop.Acquirer : acquirer, Encoding.UTF8.GetBytes(AcquirerShop.Csv()),
            fileName: fileName);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.ToJsonString());
    }

    [Fact]
    public async Task Unknown_profile_is_refused()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        using var response = await shop.UploadAsync(AcquirerShop.Csv(), profile: "no-such-layout");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("No mapping profile 'no-such-layout'", Expect.Wire(problem["detail"]));
    }

    [Fact]
    public async Task File_above_fifty_megabytes_is_refused_with_413()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var huge = new byte[50 * 1024 * 1024 + 1];
        Array.Fill(huge, (byte)'a');

        using var response = await AcquirerShop.UploadAsync(app, shop.Acquirer, huge);

        await Expect.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await NothingStoredAsync(shop);
    }

    [Fact]
    public async Task Store_managers_see_only_reports_with_lines_of_their_stores_and_only_those_figures_and_may_not_import()
    {
        var acquirer = Ids.New("acq").ToLowerInvariant();
        var mine = await AcquirerShop.OpenAsync(app, acquirer);
        var other = await AcquirerShop.OpenAsync(app, acquirer);
        var day = await mine.SettledSaleAsync("000706-0001", "700000000051", 12800, Noon);
        await other.SettledSaleAsync("000706-0002", "700000000052", 5000, Noon);
        var both = await mine.ImportAsync(AcquirerShop.Csv(mine.Line(day, "700000000051", 12800), other.Line(day, "700000000052", 5000),
            other.Line(day.AddDays(1), "700000000059", 100)));
        var othersOnly = await other.ImportAsync(AcquirerShop.Csv(other.Line(day.AddDays(2), "700000000058", 100)));
        var manager = await app.CreateUserAsync(FleetOps.Web.Security.Roles.StoreManager, stores: [mine.Store]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);

        var listed = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/reconciliation/reports"))!["items"]!.AsArray();
        var seen = Assert.Single(listed)!.AsObject();
        Assert.Equal((Int(both, "id"), 1, 1, 0), (Int(seen, "id"), Int(seen, "rows"), Int(seen, "matched"), Int(seen, "creditedWithoutSale")));
        using var hidden = await client.GetAsync($"/api/v1/reconciliation/reports/{Int(othersOnly, "id")}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var visible = await client.GetAsync($"/api/v1/reconciliation/reports/{Int(both, "id")}");
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        using var import = await mine.UploadAsync(AcquirerShop.Csv(mine.Line(day.AddDays(3), "700000000057", 100)), client);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    private async Task<string?> ReasonAsync(AcquirerShop shop, string transactionId) =>
        (await app.UnsettledInAsync(shop.Store)).Items()
            .Where(i => Expect.Wire(i["transactionId"]) == transactionId).Select(i => Expect.Wire(i["reason"])).SingleOrDefault();

    private async Task NothingStoredAsync(AcquirerShop shop)
    {
        using var admin = app.CreateAdminClient();
        var reports = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/reconciliation/reports"))!["items"]!.AsArray();
        Assert.DoesNotContain(reports, r => Expect.Wire(r!["acquirer"]) == shop.Acquirer);
    }

    private static int Int(System.Text.Json.Nodes.JsonObject o, string name) => o[name]!.GetValue<int>();
}
