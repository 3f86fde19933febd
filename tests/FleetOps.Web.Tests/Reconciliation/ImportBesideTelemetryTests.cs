using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Core.Access;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Persistence;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// On SQLite a settlement report import must not stall telemetry (issue 16): the walk over a large report commits its
/// lines in short slices and stages the sales' credit states outside the database file, so the event writer keeps
/// committing; only the final copy of the credit states takes the write lock for longer. A report is still all or
/// nothing: while it imports, nobody sees it or its committed lines; an import stopped half-way leaves no trace; one
/// abandoned by a stopped server is removed by the next import; and the same file uploaded again imports whole. The import is held inside its matching pass (its progress callback runs on the import's thread), so
/// "telemetry while the import writes" is a fact of the test, not a race.
/// </summary>
public sealed class ImportBesideTelemetryTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const int FillerLines = 60_000;

    // Enough lines for the import to report progress from inside its matching pass (where it commits a slice of lines).
    private const int StoppedFillerLines = SettlementWriter.LinesPerSlice + 5_000;

    private static DateTimeOffset Noon(int daysAgo) => new(DateTimeOffset.UtcNow.Date.AddDays(-daysAgo).AddHours(4), TimeSpan.Zero);

    [Fact]
    public async Task Telemetry_is_accepted_while_a_large_report_is_matched_and_the_report_completes()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000901-0001", "700000000901", 12800, Noon(6));
        var csv = LargeReport(shop, day, shop.Line(day.AddDays(1), "700000000901", 12800), FillerLines);
        using var gate = new MatchingGate(cancelAtMatching: null);

        var import = Task.Run(() => app.GetService<ReconciliationService>().ImportAsync(Upload(shop), new MemoryStream(csv), gate));
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(3));

        // The import is stopped inside its walk, with thousands of lines written: a terminal's report must still commit.
        var statuses = new List<HttpStatusCode> { await HeartbeatAsync(shop) };
        // Its first lines are committed already, and yet neither the report nor its lines show anywhere.
        var (importing, committedLines) = await ImportingAsync(shop);
        var hidden = (Reports: await ReportsOfAsync(shop), Figures: await FiguresOfAsync(shop, day));
        gate.Release();
        while (!import.IsCompleted)
        {
            // A terminal's pace (within the telemetry rate limit), stopping as soon as the import answers.
            await Task.WhenAny(import, Task.Delay(TimeSpan.FromMilliseconds(250)));
            statuses.Add(await HeartbeatAsync(shop));
        }
        var outcome = await import;

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, importing);
        Assert.InRange(committedLines, 1, FillerLines);
        Assert.Empty(hidden.Reports);
        Assert.Equal((0, 0), hidden.Figures);
        Assert.Equal(ReportImportStatus.Imported, outcome.Status);
        Assert.Equal((FillerLines + 1, 1, FillerLines), (outcome.Report!.Rows, outcome.Report.Matched, outcome.Report.CreditedWithoutSale));
        Assert.Single(await ReportsOfAsync(shop));
        Assert.Equal((0, 0), await ImportingAsync(shop));
        Assert.Equal(FillerLines + 1, await LinesOfAsync(shop));
        Assert.Equal((1, FillerLines), await FiguresOfAsync(shop, day));
    }

    [Fact]
    public async Task Import_stopped_while_matching_leaves_nothing_and_the_same_file_again_imports_whole()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var credited = await shop.SettledSaleAsync("000902-0001", "700000000911", 5000, Noon(9));
        await shop.SettledSaleAsync("000902-0002", "700000000912", 7000, Noon(9));
        var csv = LargeReport(shop, credited, shop.Line(credited.AddDays(1), "700000000911", 5000), StoppedFillerLines);
        using var stopped = new CancellationTokenSource();
        using var gate = new MatchingGate(stopped);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.GetService<ReconciliationService>().ImportAsync(Upload(shop), new MemoryStream(csv), gate, stopped.Token));

        Assert.Empty(await ReportsOfAsync(shop));
        Assert.Equal((0, 0), await ImportingAsync(shop));
        Assert.Equal(0, await LinesOfAsync(shop));
        Assert.Empty((await app.UnsettledInAsync(shop.Store)).Items());

        // Again through the service: a loaded machine may take longer than an HTTP client's timeout for 12,000 lines.
        var again = await app.GetService<ReconciliationService>().ImportAsync(Upload(shop), new MemoryStream(csv));
        Assert.Equal(ReportImportStatus.Imported, again.Status);
        Assert.Equal((StoppedFillerLines + 1, 1), (again.Report!.Rows, again.Report.Matched));
        Assert.Single(await ReportsOfAsync(shop));
        // The other sale's credit days are all covered now and no credit named it: proven not credited, once.
        var reasons = (await app.UnsettledInAsync(shop.Store)).Items().Select(i => (Expect.Wire(i["transactionId"]), Expect.Wire(i["reason"]))).ToList();
        Assert.Equal([("000902-0002", "not_credited")], reasons);
    }

    [Fact]
    public async Task A_report_left_importing_by_a_stopped_server_is_invisible_and_removed_by_the_next_import()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000904-0001", "700000000931", 6100, Noon(7));
        var csv = Encoding.UTF8.GetBytes(AcquirerShop.Csv(shop.Line(day.AddDays(1), "700000000931", 6100), shop.Line(day.AddDays(1), "799999999931", 300)));
        // What a server stopped in the middle of this very file leaves: the row (holding the file's hash), marked
        // importing, and its first slice of lines, one of them a credit without a sale.
        await using (var spool = await ReportSpool.CreateAsync(new MemoryStream(csv), ReconciliationService.MaxBytes, CancellationToken.None))
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            var left = new SettlementReportRow
            {
                Acquirer = shop.Acquirer, Profile = "generic", FileName = "large.csv", FileHash = spool.Hash, ImportedBy = "admin",
                ImportedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Rows = 2, ErrorsJson = "[]", Importing = true,
            };
            db.SettlementReports.Add(left);
            await db.SaveChangesAsync();
            db.SettlementLines.Add(new SettlementLineRow
            {
                ReportId = left.Id, Row = 3, BookedOn = day.AddDays(1), MerchantId = shop.MerchantId, AcquirerTerminalId = shop.AcquirerTerminalId,
                Rrn = "799999999931", AmountMinor = 300, Currency = "CNY", Type = "sale", Kind = "credited_without_sale", StoreCode = shop.Store,
            });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await ReportsOfAsync(shop));
        Assert.Equal((0, 0), await FiguresOfAsync(shop, day));

        var outcome = await app.GetService<ReconciliationService>().ImportAsync(Upload(shop), new MemoryStream(csv));

        Assert.Equal(ReportImportStatus.Imported, outcome.Status);
        Assert.Equal((2, 1, 1), (outcome.Report!.Rows, outcome.Report.Matched, outcome.Report.CreditedWithoutSale));
        Assert.Single(await ReportsOfAsync(shop));
        Assert.Equal((0, 0), await ImportingAsync(shop));
        Assert.Equal(2, await LinesOfAsync(shop));
        Assert.Equal((1, 1), await FiguresOfAsync(shop, day));
    }

    [Fact]
    public async Task A_day_with_more_credits_naming_no_sale_than_one_statement_can_list_imports()
    {
        // Each line without a sale in the window is looked up by its RRN; SQLite takes at most 32,766 parameters in one
        // statement, and a 1,000,000-row report answered 500 when one booking day carried more unknown RRNs than that.
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000903-0001", "700000000921", 4200, Noon(5));
        var csv = LargeReport(shop, day, shop.Line(day.AddDays(1), "700000000921", 4200), OneDayFillerLines, days: 1);

        var outcome = await app.GetService<ReconciliationService>().ImportAsync(Upload(shop), new MemoryStream(csv));

        Assert.Equal(ReportImportStatus.Imported, outcome.Status);
        Assert.Equal((OneDayFillerLines + 1, 1, OneDayFillerLines), (outcome.Report!.Rows, outcome.Report.Matched, outcome.Report.CreditedWithoutSale));
    }

    private const int OneDayFillerLines = 33_000;

    /// <summary>The credit line first, then credits without a sale over the days around it (unknown RRNs of the shop's terminal).</summary>
    private static byte[] LargeReport(AcquirerShop shop, DateOnly day, string credit, int fillerLines, int days = 4)
    {
        var text = new StringBuilder(AcquirerShop.Header).Append('\n').Append(credit).Append('\n');
        for (var i = 0; i < fillerLines; i++)
        {
            text.Append(shop.Line(day.AddDays(i % days), "9" + i.ToString("D11", CultureInfo.InvariantCulture), 100 + i % 50)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static ReportUpload Upload(AcquirerShop shop) => new("large.csv", ImportFormat.Csv, shop.Acquirer, null, "admin");

    private async Task<HttpStatusCode> HeartbeatAsync(AcquirerShop shop)
    {
        using var response = await app.PostTelemetryAsync(shop.Key, shop.TerminalId, Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow));
        return response.StatusCode;
    }

    /// <summary>The shop's acquirer's reports still marked importing, and the lines they hold (straight from the database).</summary>
    private async Task<(int Reports, int Lines)> ImportingAsync(AcquirerShop shop)
    {
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        var ids = await db.SettlementReports.IgnoreQueryFilters().Where(r => r.Acquirer == shop.Acquirer && r.Importing).Select(r => r.Id).ToListAsync();
        return (ids.Count, await db.SettlementLines.CountAsync(l => ids.Contains(l.ReportId)));
    }

    /// <summary>Every line the database holds for the shop's terminal, whatever its report.</summary>
    private async Task<int> LinesOfAsync(AcquirerShop shop)
    {
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.SettlementLines.CountAsync(l => l.AcquirerTerminalId == shop.AcquirerTerminalId);
    }

    /// <summary>
    /// What the reconciliation figures show of the shop's store around <paramref name="day"/> (every acquirer's, as the
    /// page's first view): sales credited, and credits without a sale.
    /// </summary>
    private async Task<(int Credited, int WithoutSale)> FiguresOfAsync(AcquirerShop shop, DateOnly day)
    {
        var view = await app.GetService<ReconciliationFigures>().ReadAsync(AccessScope.All,
            new ReconciliationFilter(day.AddDays(-10), day.AddDays(10), null, shop.Store), 1, CancellationToken.None);
        return (view.Days.Sum(d => d.Credited), view.ExceptionCount);
    }

    private async Task<List<JsonNode?>> ReportsOfAsync(AcquirerShop shop)
    {
        using var admin = app.CreateAdminClient();
        return (await admin.GetFromJsonAsync<JsonObject>("/api/v1/reconciliation/reports"))!["items"]!.AsArray()
            .Where(r => Expect.Wire(r!["acquirer"]) == shop.Acquirer).ToList();
    }

    /// <summary>
    /// The import's progress: at its first report from the matching pass it either cancels the import or holds it there
    /// until <see cref="Release"/> (bounded, so a broken test fails instead of hanging).
    /// </summary>
    private sealed class MatchingGate(CancellationTokenSource? cancelAtMatching) : IProgress<ReportReadProgress>, IDisposable
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();

        public Task Reached => _reached.Task;

        public void Release() => _released.Set();

        public void Report(ReportReadProgress value)
        {
            if (value.Stage != ReportImportStage.Matching || !_reached.TrySetResult()) return;
            if (cancelAtMatching is not null) cancelAtMatching.Cancel();
            else _released.Wait(TimeSpan.FromMinutes(1));
        }

        public void Dispose() => _released.Dispose();
    }
}
