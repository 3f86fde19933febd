using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// SQLite's way to import a report without stalling telemetry (issue 16), for the sales' credit states: the walk writes
/// them into a TEMP table of the import's own connection — the connection's temp database, which takes no lock on the
/// database file — and <see cref="CopyAsync"/> moves them into <c>SaleCredits</c> inside the short transaction that
/// completes the report. They change what every page shows of those sales, so they must change at once; the lines,
/// which belong to the report alone, go straight into their table in short transactions (<see cref="SettlementWriter"/>).
/// SQLite has one writer: holding its write lock for the whole walk made the event writer wait past its busy timeout,
/// and telemetry answered 503. The staged rows are invisible to every other connection and vanish with this one, so a
/// crash before the copy leaves no credit state behind. Temp storage is a file (not memory): a million staged rows must
/// not grow the server; its rollback journal is kept in memory (each staged statement commits on its own: a journal file
/// created and deleted per statement only costs time, and a failed import drops the table anyway). A staged sale proven
/// not credited carries any report id; the copy writes the real one. A second table holds a day's RRNs that name no sale
/// of the walk (<see cref="CreditWindow.AddNamedSalesAsync"/>): a large report's last day named 136,273 of them, which
/// as a set, a list and one parameter were ~21 MB of large objects at the import's peak.
/// </summary>
internal sealed class ReportStaging : IAsyncDisposable
{
    public string Credits { get; } = """temp."StagedSaleCredits" """;

    /// <summary>The RRNs table; one column, <c>"Rrn"</c>, each RRN once.</summary>
    public const string Rrns = """temp."StagedRrns" """;

    private readonly DbConnection _connection;

    private ReportStaging(DbConnection connection) => _connection = connection;

    /// <summary>Creates the (empty) staging table on <paramref name="connection"/>, which must stay open until disposal.</summary>
    public static async Task<ReportStaging> OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var staging = new ReportStaging(connection);
        await staging.RunAsync(
            $"""
            PRAGMA temp_store=FILE;
            DROP TABLE IF EXISTS {staging.Credits};
            CREATE TEMP TABLE "StagedSaleCredits" AS SELECT * FROM main."SaleCredits" WHERE 0;
            DROP TABLE IF EXISTS {Rrns};
            CREATE TEMP TABLE "StagedRrns" ("Rrn" TEXT PRIMARY KEY) WITHOUT ROWID;
            PRAGMA temp.journal_mode=MEMORY;
            """, cancellationToken);
        return staging;
    }

    /// <summary>Copies the staged credit states into <c>SaleCredits</c> as report <paramref name="reportId"/>'s, in <paramref name="transaction"/>.</summary>
    public async Task CopyAsync(DbTransaction transaction, long reportId, CancellationToken cancellationToken)
    {
        var credits = SettlementWriter.CreditColumns.Replace("\"NotCreditedReportId\"",
            "CASE WHEN \"NotCreditedReportId\" IS NULL THEN NULL ELSE @id END", StringComparison.Ordinal);
        // "WHERE true": SQLite's grammar needs it between a SELECT and an upsert's ON CONFLICT.
        await using var command = CommandParameters.Command(_connection, transaction,
            $"""
            INSERT INTO main."SaleCredits" ({SettlementWriter.CreditColumns}) SELECT {credits} FROM {Credits} WHERE true
            {SettlementWriter.CreditUpsert};
            """, "@id");
        await CommandParameters.RunAsync(command, cancellationToken, reportId);
    }

    /// <summary>Empties the RRNs table and returns a batch that fills it (an RRN given twice is kept once).</summary>
    public async Task<IRowBatch> RrnsAsync(CancellationToken cancellationToken)
    {
        await RunAsync($"DELETE FROM {Rrns};", cancellationToken);
        return new JsonRowsInsert(_connection, null, $"""INSERT INTO {Rrns} ("Rrn")""", "ON CONFLICT DO NOTHING", 1, RrnsPerBatch);
    }

    // ~16 bytes of JSON an RRN: a batch stays far below JsonRowsInsert.MaxBatchBytes.
    private const int RrnsPerBatch = 1_000;

    /// <summary>
    /// Drops the staging tables and gives the connection back to the pool as it came: temp storage as default, every
    /// commit synced (the import writes its lines with synchronous=NORMAL, ReportWrite).
    /// </summary>
    public async ValueTask DisposeAsync() =>
        await RunAsync($"DROP TABLE IF EXISTS {Credits}; DROP TABLE IF EXISTS {Rrns}; PRAGMA temp_store=DEFAULT; PRAGMA synchronous=FULL;", CancellationToken.None);

    private async Task RunAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
