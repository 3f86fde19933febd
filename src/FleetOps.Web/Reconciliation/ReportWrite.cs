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
/// that was) — all in one transaction with the report row and its per-store figures, so a refused commit leaves nothing
/// and nobody ever sees half a report. On PostgreSQL the transaction first takes the acquirer's advisory lock: two nodes
/// importing reports of one acquirer read and write the same sales' verdicts, so the second waits for the first's commit
/// and then reads it. Returns null when another import of the same file won the unique index.
/// </summary>
internal sealed partial class ReportWrite(FleetDbContextFactory databases, FleetState fleet, int creditWithinDays, ChangeAnnouncer announcer,
    TimeProvider time, ILogger logger)
{
    private const int ProgressEveryRows = 5_000;

    public async Task<WrittenReport?> RunAsync(ReportUpload upload, ReportSpool file, ReportLayout layout, AcquirerIds ids, ReportCheck check,
        IProgress<ReportReadProgress>? progress, CancellationToken cancellationToken)
    {
        var acquirer = upload.Acquirer;
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();

        await using var db = databases.CreateDbContext();
        if (databases.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=30000;", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (databases.Provider == DatabaseProvider.Postgres)
        {
            var key = "fleetops-recon:" + acquirer.ToLowerInvariant();
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
        }
        var report = new SettlementReportRow
        {
            Acquirer = acquirer, Profile = layout.Name, FileName = FileName(upload.FileName), FileHash = file.Hash, ImportedBy = upload.Actor,
            ImportedAtMs = now.ToUnixTimeMilliseconds(), FirstBookedOn = check.First, LastBookedOn = check.Last, ErrorsJson = "[]",
        };
        db.SettlementReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return null;
        }

        var tally = new ReportTally { Rows = check.Rows };
        var errors = check.Errors;
        var verdicts = new Verdicts(report.Id, acquirer, now.ToUnixTimeMilliseconds());
        TimeSpan loading = default;
        using (var writer = new SettlementWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction()))
        {
            if (check is { First: { } first, Last: { } last, Days: { } days })
            {
                var window = await CreditWindow.OpenAsync(db, acquirer, ids, fleet, first, last, creditWithinDays, cancellationToken);
                var matching = window.Ledger.Begin();
                var done = 0;
                for (var day = first; day <= last; day = day.AddDays(1))
                {
                    var loadStarted = time.GetTimestamp();
                    var leaving = await window.MoveToAsync(day, cancellationToken);
                    loading += time.GetElapsedTime(loadStarted);
                    await JudgeAsync(writer, window, matching, leaving, verdicts, cancellationToken);
                    matching.ForgetLines();
                    foreach (var item in days.Read(day))
                    {
                        if (++done % ProgressEveryRows == 0)
                        {
                            progress?.Report(new ReportReadProgress(ReportImportStage.Matching, done, file.Length * done / Math.Max(1, check.Rows), file.Length));
                        }
                        if (ids.StoreOf(item.MerchantId, item.AcquirerTerminalId) is not { } lineStore)
                        {
                            errors.Add(item.Row, UnknownIds(item, acquirer));
                            continue;
                        }
                        var match = matching.Match(item);
                        var store = match.Sale is { } sale ? fleet.Get(sale.TerminalId)?.StoreCode ?? lineStore : lineStore;
                        await writer.LineAsync(report.Id, match, store, cancellationToken);
                        tally.Add(store, match);
                    }
                }
                await JudgeAsync(writer, window, matching, window.EvictAll(), verdicts, cancellationToken);
            }
            await writer.FlushAsync(cancellationToken);
        }
        var matched = time.GetElapsedTime(started);

        report.Rows = tally.Rows;
        report.Matched = tally.Total.Matched;
        report.CreditedWithoutSale = tally.Total.CreditedWithoutSale;
        report.AmountMismatches = tally.Total.AmountMismatches;
        report.Duplicates = tally.Total.Duplicates;
        report.Debits = tally.Total.Debits;
        report.Errors = errors.Count;
        report.ErrorsJson = JsonSerializer.Serialize(errors.Listed(), TelemetryJson.Options);
        db.SettlementReportStores.AddRange(tally.StoreRows(report.Id));
        announcer.Stage(db, BookKinds.Reconciliation, BookChange.Of(report.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        LogPhases(report.Id, loading.TotalSeconds, (matched - loading).TotalSeconds, (time.GetElapsedTime(started) - matched).TotalSeconds);
        progress?.Report(new ReportReadProgress(ReportImportStage.Matching, tally.Rows, file.Length, file.Length));
        return new WrittenReport(ReportSummary.From(report, null), verdicts.NotCredited, verdicts.ReCredited, tally.Stores);
    }

    /// <summary>
    /// Stores the changed credit states of the sales leaving the window and judges them: not credited when no credit
    /// (right or wrong amount) named it and the reports cover its credit days; re-credited when it was not credited and
    /// now is. No later line of the report can name them, so the verdict is final.
    /// </summary>
    private async Task JudgeAsync(SettlementWriter writer, CreditWindow window, ReportMatching matching,
        IReadOnlyList<(CreditCandidate Sale, CreditStatus Status)> leaving, Verdicts verdicts, CancellationToken cancellationToken)
    {
        foreach (var (sale, stored) in leaving)
        {
            var key = SaleKey.Of(sale);
            var changed = matching.Changes.TryGetValue(key, out var status);
            if (!changed) status = stored;
            matching.Forget(key);
            var was = window.NotCredited.Contains(key);
            var nowNot = !status.AnyCredit && (was || window.CoversCreditDays(sale.SettledOn));
            if (nowNot == was && !changed) continue;
            if (nowNot && !was) verdicts.NotCredited.Add(sale);
            if (was && !nowNot) verdicts.ReCredited.Add(sale);
            var store = fleet.Get(sale.TerminalId)?.StoreCode ?? "";
            await writer.CreditAsync(sale, verdicts.Acquirer, store, status, nowNot ? verdicts.ReportId : null, verdicts.AtMs, cancellationToken);
        }
    }

    private static string UnknownIds(SettlementItem item, string acquirer)
    {
        var named = new List<string>();
        if (item.MerchantId.Length > 0) named.Add($"merchant id '{item.MerchantId}'");
        if (item.AcquirerTerminalId.Length > 0) named.Add($"terminal id '{item.AcquirerTerminalId}'");
        return $"Unknown {string.Join(" and ", named)} of acquirer '{acquirer}': no store or terminal of the chain has it.";
    }

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

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Settlement report {ReportId} written: {LoadSeconds:F1} s loading sales, {MatchSeconds:F1} s matching and writing, {CommitSeconds:F1} s committing")]
    private partial void LogPhases(long reportId, double loadSeconds, double matchSeconds, double commitSeconds);

    /// <summary>The verdicts of one import, gathered as sales leave the window.</summary>
    private sealed record Verdicts(long ReportId, string Acquirer, long AtMs)
    {
        public List<CreditCandidate> NotCredited { get; } = [];

        public List<CreditCandidate> ReCredited { get; } = [];
    }
}
