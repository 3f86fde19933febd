using System.Text.Json;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The second pass: matches each line against the window's ledger and writes it, then judges the window's sales
/// (<c>not_credited</c> when the reports cover their credit days without a credit; re-credited when a credit came for
/// one that was), all in one transaction with the report row and its per-store figures — a refused commit leaves
/// nothing. Returns null when another import of the same file won the unique index.
/// </summary>
internal sealed class ReportWrite(FleetDbContextFactory databases, FleetState fleet, int creditWithinDays, TimeProvider time)
{
    private const int ProgressEveryRows = 5_000;

    public async Task<WrittenReport?> RunAsync(ReportUpload upload, ReportSpool file, ReportLayout layout, AcquirerIds ids, ReportCheck check,
        IProgress<ReportReadProgress>? progress, CancellationToken cancellationToken)
    {
        var acquirer = upload.Acquirer;
        CreditWindow? window = null;
        if (check.First is { } first && check.Last is { } last)
        {
            await using var reading = databases.CreateDbContext();
            window = await CreditWindow.LoadAsync(reading, acquirer, ids, fleet, first, last, creditWithinDays, cancellationToken);
            window.Cover(first, last);
        }
        var ledger = window?.Ledger ?? new CreditLedger(acquirer);
        var matching = ledger.Begin();
        var now = time.GetUtcNow();

        await using var db = databases.CreateDbContext();
        if (databases.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=30000;", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

        var tally = new ReportTally();
        var errors = new List<ReportLineError>();
        using (var writer = new SettlementWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction()))
        {
            await using (var stream = file.OpenRead())
            {
                var rows = new ReportRows(stream, upload.Format, layout);
                foreach (var row in rows.Read())
                {
                    if (rows.RowsRead % ProgressEveryRows == 0)
                    {
                        progress?.Report(new ReportReadProgress(ReportImportStage.Matching, rows.RowsRead, stream.Position, file.Length));
                    }
                    tally.Rows++;
                    if (row.Item is not { } item)
                    {
                        Error(row.Row, row.Error!);
                        continue;
                    }
                    if (ids.StoreOf(item.MerchantId, item.AcquirerTerminalId) is not { } lineStore)
                    {
                        Error(row.Row, UnknownIds(item, acquirer));
                        continue;
                    }
                    var match = matching.Match(item);
                    var store = match.Sale is { } sale ? fleet.Get(sale.TerminalId)?.StoreCode ?? lineStore : lineStore;
                    await writer.LineAsync(report.Id, match, store, cancellationToken);
                    tally.Add(store, match);
                }
            }
            var judged = await JudgeAsync(writer, window, ledger, matching, acquirer, report.Id, now, cancellationToken);

            report.Rows = tally.Rows;
            report.Matched = tally.Total.Matched;
            report.CreditedWithoutSale = tally.Total.CreditedWithoutSale;
            report.AmountMismatches = tally.Total.AmountMismatches;
            report.Duplicates = tally.Total.Duplicates;
            report.Debits = tally.Total.Debits;
            report.Errors = tally.Errors;
            report.ErrorsJson = JsonSerializer.Serialize(errors, TelemetryJson.Options);
            db.SettlementReportStores.AddRange(tally.StoreRows(report.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ReportReadProgress(ReportImportStage.Matching, tally.Rows, file.Length, file.Length));
            return new WrittenReport(ReportSummary.From(report, null), judged.NotCredited, judged.ReCredited, tally.Stores);
        }

        void Error(int row, string error)
        {
            tally.Errors++;
            if (errors.Count < ReconciliationService.MaxListedErrors) errors.Add(new ReportLineError(row, error));
        }
    }

    /// <summary>
    /// Stores the changed credit states and judges every sale of the window: not credited when no credit (right or wrong
    /// amount) named it and the reports cover its credit days; re-credited when it was not credited and now is.
    /// </summary>
    private async Task<(List<CreditCandidate> NotCredited, List<CreditCandidate> ReCredited)> JudgeAsync(SettlementWriter writer, CreditWindow? window,
        CreditLedger ledger, ReportMatching matching, string acquirer, long reportId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notCredited = new List<CreditCandidate>();
        var reCredited = new List<CreditCandidate>();
        var atMs = now.ToUnixTimeMilliseconds();
        foreach (var sale in ledger.Sales)
        {
            var key = SaleKey.Of(sale);
            var changed = matching.Changes.TryGetValue(key, out var status);
            if (!changed) status = ledger.StatusOf(key);
            var was = window?.NotCredited.Contains(key) == true;
            var nowNot = !status.AnyCredit && (was || window?.CoversCreditDays(sale.SettledOn, creditWithinDays) == true);
            if (nowNot == was && !changed) continue;
            if (nowNot && !was) notCredited.Add(sale);
            if (was && !nowNot) reCredited.Add(sale);
            var store = fleet.Get(sale.TerminalId)?.StoreCode ?? "";
            await writer.CreditAsync(sale, acquirer, store, status, nowNot ? reportId : null, atMs, cancellationToken);
        }
        return (notCredited, reCredited);
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
}
