using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// Migration <c>ReconciliationColumns</c> fills <c>Rrn</c>, <c>AuthCode</c> and <c>SettledAtMs</c> of the transactions
/// stored before it from their JSON (SQLite <c>json_extract</c>, PostgreSQL <c>->></c>): a database upgraded in place
/// reconciles its old sales like new ones.
/// </summary>
public sealed class ReconciliationColumnsMigrationTests(MigrationDatabase database) : IClassFixture<MigrationDatabase>
{
    private static readonly DateTimeOffset SettledAt = new(2026, 11, 20, 18, 30, 15, 250, TimeSpan.FromHours(8));

    [Fact]
    public Task Sqlite_back_fills_the_columns_from_the_record() => MigrationDatabase.OnSqliteAsync(AssertBackFilledAsync);

    [PostgresFact]
    public Task Postgres_back_fills_the_columns_from_the_record() => database.OnPostgresAsync(AssertBackFilledAsync);

    private static async Task AssertBackFilledAsync(FleetDbContext db)
    {
        var migrator = await MigrationDatabase.MigrateToJustBeforeAsync(db, "ReconciliationColumns");

        await InsertAsync(db, Sale("T-1", "S-1", settled: true));
        await InsertAsync(db, Sale("T-1", "S-2", settled: false));
        await migrator.MigrateAsync();

        var rows = await db.Transactions.AsNoTracking().OrderBy(t => t.TransactionId).ToListAsync();
        Assert.Equal(("123456789012", "A1B2C3", SettledAt.ToUnixTimeMilliseconds()), (rows[0].Rrn, rows[0].AuthCode, rows[0].SettledAtMs));
        Assert.Equal(("123456789012", "A1B2C3", (long?)null), (rows[1].Rrn, rows[1].AuthCode, rows[1].SettledAtMs));
    }

    private static TransactionRecord Sale(string terminal, string transaction, bool settled)
    {
        var authorized = SettledAt.AddHours(-3);
        var record = TransactionRecord.From(terminal, Event("a", authorized, TransactionStage.Authorized));
        record = record.With(Event("c", authorized.AddMinutes(1), TransactionStage.Completed));
        return settled ? record.With(Event("s", SettledAt, TransactionStage.Settled)).With(Event("s2", SettledAt.AddHours(1), TransactionStage.Settled)) : record;

        TransactionEvent Event(string id, DateTimeOffset at, TransactionStage stage) =>
            new($"{transaction}:{id}", at, transaction, stage, 12800, "CNY", AuthCode: "A1B2C3", Rrn: "123456789012");
    }

    /// <summary>The row as the event writer stored it before the migration: no new columns yet, so plain SQL.</summary>
    private static Task InsertAsync(FleetDbContext db, TransactionRecord record) =>
        MigrationDatabase.RunAsync(db,
            """
            INSERT INTO "Transactions" ("TerminalId", "TransactionId", "StoreCode", "AmountMinor", "Currency", "AuthorizedAtMs", "LastStage",
                "Closed", "ClosedAtMs", "RecordJson", "UpdatedAtMs")
            VALUES (@terminal, @transaction, 'S1', 12800, 'CNY', 0, @stage, FALSE, NULL, @record, 0)
            """, ("@terminal", record.TerminalId), ("@transaction", record.TransactionId), ("@stage", record.LastStage.ToWire()),
            ("@record", TransactionJson.Serialize(record)));
}
