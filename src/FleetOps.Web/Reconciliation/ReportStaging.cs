using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// SQLite's way to import a report without stalling telemetry (issue 16): the walk writes its lines and verdicts into
/// two TEMP tables of the import's own connection — the connection's temp database, which takes no lock on the database
/// file — and <see cref="CopyAsync"/> moves them into <c>SettlementLines</c> and <c>SaleCredits</c> inside the short
/// transaction that also inserts the report row. SQLite has one writer: holding its write lock for the whole walk made
/// the event writer wait past its busy timeout, and telemetry answered 503. The report is still all or nothing: the
/// staged rows are invisible to every other connection and vanish with this one, so a crash before the copy leaves
/// nothing and a re-upload starts afresh. Temp storage is a file (not memory): a million staged lines must not grow the
/// server; its rollback journal is kept in memory (each staged statement commits on its own: a journal file created and
/// deleted per statement only costs time, and a failed import drops the tables anyway). The staged rows carry report id
/// 0 (lines) or any id (a sale proven not credited); the copy writes the real id.
/// </summary>
internal sealed class ReportStaging : IAsyncDisposable
{
    public string Lines { get; } = """temp."StagedSettlementLines" """;

    public string Credits { get; } = """temp."StagedSaleCredits" """;

    private readonly DbConnection _connection;

    private ReportStaging(DbConnection connection) => _connection = connection;

    /// <summary>Creates the (empty) staging tables on <paramref name="connection"/>, which must stay open until disposal.</summary>
    public static async Task<ReportStaging> OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var staging = new ReportStaging(connection);
        await staging.RunAsync(
            $"""
            PRAGMA temp_store=FILE;
            DROP TABLE IF EXISTS {staging.Lines}; DROP TABLE IF EXISTS {staging.Credits};
            CREATE TEMP TABLE "StagedSettlementLines" AS SELECT * FROM main."SettlementLines" WHERE 0;
            CREATE TEMP TABLE "StagedSaleCredits" AS SELECT * FROM main."SaleCredits" WHERE 0;
            PRAGMA temp.journal_mode=MEMORY;
            """, cancellationToken);
        return staging;
    }

    /// <summary>Copies the staged rows into the tables as report <paramref name="reportId"/>'s, in <paramref name="transaction"/>.</summary>
    public async Task CopyAsync(DbTransaction transaction, long reportId, CancellationToken cancellationToken)
    {
        var lines = SettlementWriter.LineColumns.Replace("\"ReportId\"", "@id", StringComparison.Ordinal);
        var credits = SettlementWriter.CreditColumns.Replace("\"NotCreditedReportId\"",
            "CASE WHEN \"NotCreditedReportId\" IS NULL THEN NULL ELSE @id END", StringComparison.Ordinal);
        // "WHERE true": SQLite's grammar needs it between a SELECT and an upsert's ON CONFLICT.
        await using var command = CommandParameters.Command(_connection, transaction,
            $"""
            INSERT INTO main."SettlementLines" ({SettlementWriter.LineColumns}) SELECT {lines} FROM {Lines};
            INSERT INTO main."SaleCredits" ({SettlementWriter.CreditColumns}) SELECT {credits} FROM {Credits} WHERE true
            {SettlementWriter.CreditUpsert};
            """, "@id");
        await CommandParameters.RunAsync(command, cancellationToken, reportId);
    }

    /// <summary>Drops the staging tables: the connection goes back to the pool.</summary>
    public async ValueTask DisposeAsync() =>
        await RunAsync($"DROP TABLE IF EXISTS {Lines}; DROP TABLE IF EXISTS {Credits}; PRAGMA temp_store=DEFAULT;", CancellationToken.None);

    private async Task RunAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
