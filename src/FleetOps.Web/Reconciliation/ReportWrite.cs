using System.Data.Common;
using System.Text.Json;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The second pass: walks the report's booking days in order (<see cref="ReportDays"/>), sliding the
/// <see cref="CreditWindow"/> along, matches each line and writes it, and judges each sale as it leaves the window
/// (<c>not_credited</c> when the reports cover its credit days without a credit; re-credited when a credit came for one
/// that was). Nobody ever sees half a report: the report row, its lines, verdicts and per-store figures appear together,
/// and a refused commit or a crash leaves nothing that shows. On PostgreSQL all of it is one transaction that first takes the
/// acquirer's advisory lock: two nodes importing reports of one acquirer read and write the same sales' verdicts, so the
/// second waits for the first's commit and then reads it. On SQLite (one writer for the whole database) no transaction
/// may last the whole walk, or telemetry would wait for it: the report row is inserted first, marked importing (every
/// query skips it), the lines are committed in slices of a few thousand (<see cref="SlicedInsert"/>), the sales' credit
/// states are staged outside the database file (<see cref="ReportStaging"/>), and one last short transaction copies them
/// in and clears the mark. So the report still appears whole or not at all; an import that fails removes what it wrote,
/// and one cut short by a stopped server is removed by the next (<see cref="AbandonedReports"/>). One node imports one
/// report at a time (the service's semaphore). Returns null when another import of the same file won the unique index.
/// </summary>
internal sealed partial class ReportWrite(FleetDbContextFactory databases, FleetState fleet, int creditWithinDays, ChangeAnnouncer announcer,
    TimeProvider time, ILogger logger)
{
    // The matching pass reports progress where SQLite commits a slice of lines: a progress callback (the upload page, a
    // test holding the import there) never runs while the import holds the write lock. 40 steps for a million rows.
    private const int ProgressEveryRows = SettlementWriter.LinesPerSlice;
    private const int LastEvictionSlice = 16_384;

    // The heap growth (sales, lines, garbage) after which the walk has the collector look (ImportGarbage). 32 MB since the
    // ledger's slots hold no strings (the live window is ~25 MB): a million-line import peaked at +88–91 MB of RSS against
    // +104 MB with 48, in the same time (docs/benchmarks.md).
    private const long GarbageAllowedBytes = 32L * 1024 * 1024;

    public async Task<WrittenReport?> RunAsync(ReportUpload upload, ReportSpool file, ReportLayout layout, AcquirerIds ids, ReportCheck check,
        IProgress<ReportReadProgress>? progress, CancellationToken cancellationToken)
    {
        var acquirer = upload.Acquirer;
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        // The process's CPU time beside each phase's wall time: on a shared machine the wall time is mostly waiting.
        var cpuStarted = Environment.CpuUsage.TotalTime;

        await using var db = databases.CreateDbContext();
        var report = new SettlementReportRow
        {
            Acquirer = acquirer, Profile = layout.Name, FileName = FileName(upload.FileName), FileHash = file.Hash, ImportedBy = upload.Actor,
            ImportedAtMs = now.ToUnixTimeMilliseconds(), FirstBookedOn = check.First, LastBookedOn = check.Last, ErrorsJson = "[]",
        };
        IDbContextTransaction? transaction = null;
        ReportStaging? staging = null;
        var completed = false;
        try
        {
            if (databases.Provider == DatabaseProvider.Sqlite)
            {
                // One connection for the walk and the copy: the staging table lives as long as it is open. Staging first:
                // its disposal gives the connection back to the pool as it came, whatever happens after this.
                await db.Database.OpenConnectionAsync(cancellationToken);
                staging = await ReportStaging.OpenAsync(db.Database.GetDbConnection(), cancellationToken);
                // synchronous=NORMAL while the lines are written: a slice lost to a power cut belongs to a report that never
                // completed (a sync per slice cost time). The final commit syncs again (FULL), and with it every slice before.
                await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;", cancellationToken);
                if (await AbandonedReports.RemoveAllAsync(db, cancellationToken) is > 0 and var abandoned) LogAbandonedRemoved(abandoned);
                report.Importing = true;
                if (!await InsertAsync(db, report, cancellationToken)) return null;
            }
            else
            {
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var key = "fleetops-recon:" + acquirer.ToLowerInvariant();
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
                if (!await InsertAsync(db, report, cancellationToken)) return null;
            }

            var tally = new ReportTally { Rows = check.Rows };
            var errors = check.Errors;
            var verdicts = new Verdicts(report.Id, acquirer, now.ToUnixTimeMilliseconds());
            var connection = db.Database.GetDbConnection();
            TimeSpan loading, loadingCpu;
            var garbage = new ImportGarbage(GarbageAllowedBytes);
            garbage.BeforeWalk();
            using (var writer = staging is null ? new SettlementWriter(connection, transaction!.GetDbTransaction()) : new SettlementWriter(connection, staging))
            {
                (loading, loadingCpu) = await WalkAsync(db, staging, writer, report.Id, ids, check, verdicts, tally, garbage, progress, file.Length, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
            // Here, not at the walk's end: its state (the window of sales) is unreachable only once it has returned.
            garbage.AfterWalk();
            var matched = time.GetElapsedTime(started);
            var cpuMatched = Environment.CpuUsage.TotalTime;

            report.Rows = tally.Rows;
            report.Matched = tally.Total.Matched;
            report.CreditedWithoutSale = tally.Total.CreditedWithoutSale;
            report.AmountMismatches = tally.Total.AmountMismatches;
            report.Duplicates = tally.Total.Duplicates;
            report.Debits = tally.Total.Debits;
            report.Errors = errors.Count;
            report.ErrorsJson = JsonSerializer.Serialize(errors.Listed(), TelemetryJson.Options);
            if (staging is not null)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", cancellationToken);
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await staging.CopyAsync(transaction.GetDbTransaction(), report.Id, cancellationToken);
                report.Importing = false;
            }
            db.SettlementReportStores.AddRange(tally.StoreRows(report.Id));
            announcer.Stage(db, BookKinds.Reconciliation, BookChange.Of(report.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
            completed = true;
            await announcer.WakeAsync(db, cancellationToken);
            var cpuEnded = Environment.CpuUsage.TotalTime;
            LogPhases(report.Id, loading.TotalSeconds, loadingCpu.TotalSeconds, (matched - loading).TotalSeconds,
                (cpuMatched - cpuStarted - loadingCpu).TotalSeconds, (time.GetElapsedTime(started) - matched).TotalSeconds, (cpuEnded - cpuMatched).TotalSeconds);
            progress?.Report(new ReportReadProgress(ReportImportStage.Matching, tally.Rows, file.Length, file.Length));
            return new WrittenReport(ReportSummary.From(report, null), verdicts.NotCredited, verdicts.ReCredited, tally.Stores);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            if (staging is not null)
            {
                if (!completed && report.Id != 0) await RemoveUnfinishedAsync(db, report.Id);
                await staging.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A failed or cancelled import on SQLite removes the lines it committed and its row, whatever the cancellation; when
    /// even that fails (the database gone), the next import removes them (<see cref="AbandonedReports"/>).
    /// </summary>
    private async Task RemoveUnfinishedAsync(FleetDbContext db, long reportId)
    {
        try
        {
            await AbandonedReports.RemoveAsync(db, reportId, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            LogUnfinishedKept(e, reportId);
        }
    }

    /// <summary>Inserts the report row; false when another import of the same file won the unique index.</summary>
    private static async Task<bool> InsertAsync(FleetDbContext db, SettlementReportRow report, CancellationToken cancellationToken)
    {
        db.SettlementReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>
    /// Walks the booking days from the first to the last (days without lines too, so every sale of the range is judged):
    /// slides the window, judges the sales leaving it, matches and writes the day's lines. Returns the time spent loading
    /// sales (wall and process CPU). Reads go through the import's own connection (and on PostgreSQL its locked
    /// transaction). On SQLite the lines commit at each progress report and each day's end (and every
    /// <see cref="SettlementWriter.LinesPerSlice"/> lines), before the connection reads again.
    /// </summary>
    private async Task<(TimeSpan Wall, TimeSpan Cpu)> WalkAsync(FleetDbContext db, ReportStaging? staging, SettlementWriter writer, long reportId, AcquirerIds ids, ReportCheck check, Verdicts verdicts,
        ReportTally tally, ImportGarbage garbage, IProgress<ReportReadProgress>? progress, long fileLength, CancellationToken cancellationToken)
    {
        TimeSpan loading = default, loadingCpu = default;
        if (check is not { First: { } first, Last: { } last, Days: { } days }) return (loading, loadingCpu);
        var window = await CreditWindow.OpenAsync(db, staging, verdicts.Acquirer, ids, fleet, first, last, creditWithinDays, cancellationToken);
        var matching = window.Ledger.BeginWalk();
        // One list for every day's leaving sales (a new one each day was a large-object array), emptied once judged.
        var leaving = new List<LeavingSale>();
        var done = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            garbage.AfterDay();
            var loadStarted = time.GetTimestamp();
            var loadCpuStarted = Environment.CpuUsage.TotalTime;
            await window.MoveToAsync(day, leaving, cancellationToken);
            loading += time.GetElapsedTime(loadStarted);
            loadingCpu += Environment.CpuUsage.TotalTime - loadCpuStarted;
            await JudgeAsync(writer, window, leaving, verdicts, cancellationToken);
            matching.ForgetLines();
            await window.AddNamedSalesAsync(days.Read(day), cancellationToken);
            foreach (var item in days.Read(day))
            {
                if (++done % ProgressEveryRows == 0)
                {
                    await writer.FlushAsync(cancellationToken);
                    progress?.Report(new ReportReadProgress(ReportImportStage.Matching, done, fileLength * done / Math.Max(1, check.Rows), fileLength));
                }
                if (ids.StoreOf(item.MerchantId, item.AcquirerTerminalId) is not { } lineStore)
                {
                    check.Errors.Add(item.Row, UnknownIds(item, verdicts.Acquirer));
                    continue;
                }
                var match = matching.Match(item);
                var store = match.Sale is { } sale ? fleet.Get(sale.TerminalId)?.StoreCode ?? lineStore : lineStore;
                await writer.LineAsync(reportId, match, store, cancellationToken);
                tally.Add(store, match);
            }
            await writer.FlushAsync(cancellationToken);
        }
        // The whole window leaves now: in slices of about a day's sales, so the list does not grow to the window's size
        // at the import's peak.
        while (window.EvictAll(leaving, LastEvictionSlice).Count > 0) await JudgeAsync(writer, window, leaving, verdicts, cancellationToken);
        return (loading, loadingCpu);
    }

    /// <summary>
    /// Stores the changed credit states of the sales leaving the window and judges them: not credited when no credit
    /// (right or wrong amount) named it and the reports cover its credit days; re-credited when it was not credited and
    /// now is. No later line of the report can name them, so the verdict is final. Empties <paramref name="leaving"/> when
    /// done, so the judged sales die young.
    /// </summary>
    private async Task JudgeAsync(SettlementWriter writer, CreditWindow window, List<LeavingSale> leaving, Verdicts verdicts, CancellationToken cancellationToken)
    {
        foreach (var (sale, status, changed) in leaving)
        {
            var key = SaleKey.Of(sale);
            var was = window.NotCredited.Contains(key);
            var nowNot = !status.AnyCredit && (was || window.CoversCreditDays(sale.SettledOn));
            if (nowNot == was && !changed) continue;
            if (nowNot && !was) verdicts.NotCredited.Add(sale);
            if (was && !nowNot) verdicts.ReCredited.Add(sale);
            var store = fleet.Get(sale.TerminalId)?.StoreCode ?? "";
            await writer.CreditAsync(sale, verdicts.Acquirer, store, status, nowNot ? verdicts.ReportId : null, verdicts.AtMs, cancellationToken);
        }
        leaving.Clear();
    }

    /// <summary>Each case written whole, so that the page can put it into the reader's language (Problem.ReconUnknown*).</summary>
    private static string UnknownIds(SettlementItem item, string acquirer) => (item.MerchantId.Length > 0, item.AcquirerTerminalId.Length > 0) switch
    {
        (true, true) => $"Unknown merchant id '{item.MerchantId}' and terminal id '{item.AcquirerTerminalId}' of acquirer '{acquirer}': no store or terminal of the chain has it.",
        (true, false) => $"Unknown merchant id '{item.MerchantId}' of acquirer '{acquirer}': no store or terminal of the chain has it.",
        _ => $"Unknown terminal id '{item.AcquirerTerminalId}' of acquirer '{acquirer}': no store or terminal of the chain has it.",
    };

    /// <summary>
    /// The name as sent, without any folder a browser may prepend and never longer than its column; a name the one text
    /// rule refuses (a card number in it, control characters) is kept as "report" rather than refusing the report.
    /// </summary>
    private static string FileName(string name)
    {
        var plain = Path.GetFileName(name.Replace('\\', '/')).Trim();
        if (plain.Length > 256) plain = plain[..256];
        return plain.Length == 0 || TextRules.Problem("file name", plain) is not null ? "report" : plain;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} settlement report(s) left half-imported by a stopped server")]
    private partial void LogAbandonedRemoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Settlement report {ReportId} failed and its lines could not be removed; the next import removes them")]
    private partial void LogUnfinishedKept(Exception exception, long reportId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Settlement report {ReportId} written: {LoadSeconds:F1} s loading sales ({LoadCpuSeconds:F1} CPU s), {MatchSeconds:F1} s matching and writing ({MatchCpuSeconds:F1} CPU s), {CommitSeconds:F1} s committing ({CommitCpuSeconds:F1} CPU s)")]
    private partial void LogPhases(long reportId, double loadSeconds, double loadCpuSeconds, double matchSeconds, double matchCpuSeconds, double commitSeconds,
        double commitCpuSeconds);

    /// <summary>The verdicts of one import, gathered as sales leave the window.</summary>
    private sealed record Verdicts(long ReportId, string Acquirer, long AtMs)
    {
        public List<CreditCandidate> NotCredited { get; } = [];

        public List<CreditCandidate> ReCredited { get; } = [];
    }
}
