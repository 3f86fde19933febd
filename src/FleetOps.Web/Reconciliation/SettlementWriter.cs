using System.Data.Common;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The import's two statements, each an insert of many rows (<see cref="BatchedInsert"/>; SQLite: <see cref="JsonRowsInsert"/>)
/// (the bulk onboarding's way: EF's change tracker for a million lines costs seconds and hundreds of MB). The SQL is the
/// same on SQLite and PostgreSQL; the columns are those of <see cref="SettlementLineRow"/> and <see cref="SaleCreditRow"/>.
/// On PostgreSQL both go into the report's one transaction. On SQLite the lines go straight into their table in short
/// transactions of their own (<see cref="SlicedInsert"/>; the report is marked importing meanwhile, so nobody reads them),
/// and the sales' credit states into the connection's staging table (<see cref="ReportStaging"/>: no lock on the database
/// file), copied in by the report's final transaction: they change sales every page shows, so they must change at once.
/// Call <see cref="FlushAsync"/> before the connection is used for anything else (SQLite), and before the commit.
/// </summary>
internal sealed class SettlementWriter : IDisposable
{
    public const string LineColumns =
        """
        "ReportId", "Row", "BookedOn", "MerchantId", "AcquirerTerminalId", "Rrn", "AuthCode", "AmountMinor", "Currency",
        "MaskedPan", "Type", "FeeMinor", "Kind", "StoreCode", "TerminalId", "TransactionId", "Fingerprint"
        """;

    public const string CreditColumns =
        """
        "TerminalId", "TransactionId", "Acquirer", "StoreCode", "SettledOn", "Credits", "Mismatches", "CreditedOn",
        "NotCreditedReportId", "UpdatedAtMs", "Currency", "FeeMinor"
        """;

    // One row per sale: inserted the first time a report names it (or proves it missing), updated after. A sale is
    // judged once per import, so no batch (and no staging table) names it twice. The currency is written again too: the
    // CreditFees migration left it empty on a row whose transaction it could not find, and a sale's currency never changes.
    public const string CreditUpsert =
        """
        ON CONFLICT ("TerminalId", "TransactionId") DO UPDATE SET "Credits" = excluded."Credits",
            "Mismatches" = excluded."Mismatches", "CreditedOn" = excluded."CreditedOn",
            "NotCreditedReportId" = excluded."NotCreditedReportId", "UpdatedAtMs" = excluded."UpdatedAtMs",
            "FeeMinor" = excluded."FeeMinor", "Currency" = excluded."Currency"
        """;

    // 17 and 12 parameters a row: a few thousand a statement, far below PostgreSQL's limit (Npgsql binds by position).
    private const int RowsPerBatch = 256;

    // SQLite's rows go up to 1,000 to a statement as one JSON parameter (JsonRowsInsert): binding by name costs nothing
    // then, and each staged statement is its own commit of the temp database (no transaction: see ReportStaging), so
    // fewer, larger statements mean fewer commits. 32-row VALUES statements (544 named parameters) spent 46 s of a
    // million lines. In practice JsonRowsInsert.MaxBatchBytes ends a batch first (~230 lines or ~330 credit states).
    private const int SqliteRowsPerBatch = 1_000;

    /// <summary>
    /// SQLite: the most lines one transaction writes, i.e. holds the write lock for (the walk also commits at each day's
    /// end). Each slice rewrites the index pages it touches (the lines' ids are in no order), so small slices cost time:
    /// a million lines took 74.8 s to match and write in slices of 5,000, 65.4 s in slices of 25,000 (~1.5 s a slice on
    /// the benchmark machine, docs/benchmarks.md).
    /// </summary>
    public const int LinesPerSlice = 25_000;

    private readonly IRowBatch _lines;
    private readonly IRowBatch _credits;

    /// <summary>Writes into the tables themselves, in <paramref name="transaction"/>.</summary>
    public SettlementWriter(DbConnection connection, DbTransaction transaction)
    {
        _lines = new BatchedInsert(connection, transaction, $"""INSERT INTO "SettlementLines" ({LineColumns})""", "", 17, RowsPerBatch);
        _credits = new BatchedInsert(connection, transaction, $"""INSERT INTO "SaleCredits" ({CreditColumns})""", CreditUpsert, 12, RowsPerBatch);
    }

    /// <summary>SQLite: the lines into their table in slices, the credit states into the connection's staging table.</summary>
    public SettlementWriter(DbConnection connection, ReportStaging staging)
    {
        _lines = new SlicedInsert(connection, $"""INSERT INTO "SettlementLines" ({LineColumns})""", 17, SqliteRowsPerBatch, LinesPerSlice);
        _credits = new JsonRowsInsert(connection, null, $"""INSERT INTO {staging.Credits} ({CreditColumns})""", "", 12, SqliteRowsPerBatch);
    }

    public Task LineAsync(long reportId, ItemMatch match, string? storeCode, CancellationToken cancellationToken)
    {
        var item = match.Item;
        return _lines.AddAsync(cancellationToken, reportId, item.Row, item.BookedOn, item.MerchantId, item.AcquirerTerminalId, item.Rrn,
            Nullable(item.AuthCode), item.AmountMinor, item.Currency, Nullable(item.MaskedPan), item.Type.ToWire(), item.FeeMinor,
            match.Kind.ToWire(), Nullable(storeCode), Nullable(match.Sale?.TerminalId), Nullable(match.Sale?.TransactionId),
            match.Fingerprint);
    }

    public Task CreditAsync(CreditCandidate sale, string acquirer, string storeCode, CreditStatus status, long? notCreditedReportId,
        long atMs, CancellationToken cancellationToken) =>
        _credits.AddAsync(cancellationToken, sale.TerminalId, sale.TransactionId, acquirer, storeCode, sale.SettledOn, status.Credits,
            status.Mismatches, status.CreditedOn is { } day ? day : DBNull.Value, notCreditedReportId is { } id ? id : DBNull.Value, atMs, sale.Currency,
            status.FeeMinor);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _lines.FlushAsync(cancellationToken);
        await _credits.FlushAsync(cancellationToken);
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    public void Dispose()
    {
        _lines.Dispose();
        _credits.Dispose();
    }
}
