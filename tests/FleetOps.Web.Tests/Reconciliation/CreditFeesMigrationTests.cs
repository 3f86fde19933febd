using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// Migration <c>CreditFees</c> gives the credit states stored before it their sale's currency and the fee of the sale's
/// first right credit (from its report line), so that a database upgraded in place shows the same fees on the
/// reconciliation page and the scorecard: the figures read fees from the credit states only since.
/// </summary>
public sealed class CreditFeesMigrationTests(MigrationDatabase database) : IClassFixture<MigrationDatabase>
{
    private static readonly DateOnly Settled = new(2026, 11, 20);

    [Fact]
    public Task Sqlite_back_fills_currency_and_first_credit_fee() => MigrationDatabase.OnSqliteAsync(AssertBackFilledAsync);

    [PostgresFact]
    public Task Postgres_back_fills_currency_and_first_credit_fee() => database.OnPostgresAsync(AssertBackFilledAsync);

    private static async Task AssertBackFilledAsync(FleetDbContext db)
    {
        var migrator = await MigrationDatabase.MigrateToJustBeforeAsync(db, "CreditFees");

        // S-1 credited (fee 64) and then credited again by a later report (fee 90); S-2 in yen, proven not credited;
        // S-3 credited by a report whose import never finished, which stored no credit state for it.
        await RunAsync(db,
            """
            INSERT INTO "SettlementReports" ("Id", "Acquirer", "Profile", "FileName", "FileHash", "ImportedBy", "ImportedAtMs", "Rows",
                "Matched", "CreditedWithoutSale", "AmountMismatches", "Duplicates", "Debits", "Errors", "ErrorsJson", "Importing")
            VALUES (1, 'unionpay', 'generic', 'a.csv', 'h1', 'ops', 0, 1, 1, 0, 0, 0, 0, 0, '[]', FALSE),
                   (2, 'unionpay', 'generic', 'b.csv', 'h2', 'ops', 0, 1, 0, 0, 0, 1, 0, 0, '[]', FALSE),
                   (3, 'unionpay', 'generic', 'c.csv', 'h3', 'ops', 0, 1, 1, 0, 0, 0, 0, 0, '[]', TRUE);
            """);
        await LineAsync(db, 1, "S-1", "credited", 64, Settled.AddDays(1));
        await LineAsync(db, 2, "S-1", "duplicate_credit", 90, Settled.AddDays(2));
        await LineAsync(db, 3, "S-3", "credited", 70, Settled.AddDays(1));
        await SaleAsync(db, "S-1", "CNY", credits: 2, notCreditedBy: null);
        await SaleAsync(db, "S-2", "JPY", credits: 0, notCreditedBy: 1);
        await SaleAsync(db, "S-3", "CNY", credits: 0, notCreditedBy: null);

        await migrator.MigrateAsync();

        var rows = await db.SaleCredits.AsNoTracking().OrderBy(c => c.TransactionId).Select(c => new { c.TransactionId, c.Currency, c.FeeMinor }).ToListAsync();
        Assert.Equal(
            [("S-1", "CNY", 64L), ("S-2", "JPY", 0L), ("S-3", "CNY", 0L)],
            rows.Select(r => (r.TransactionId, r.Currency, r.FeeMinor)));
    }

    private static Task LineAsync(FleetDbContext db, long report, string transaction, string kind, long fee, DateOnly bookedOn) =>
        RunAsync(db,
            """
            INSERT INTO "SettlementLines" ("ReportId", "Row", "BookedOn", "MerchantId", "AcquirerTerminalId", "Rrn", "AmountMinor", "Currency",
                "Type", "FeeMinor", "Kind", "StoreCode", "TerminalId", "TransactionId", "Fingerprint")
            VALUES (@report, 2, @booked, 'M1', 'A1', '123456789012', 12800, 'CNY', 'sale', @fee, @kind, 'S1', 'T-1', @transaction, 0)
            """, ("@report", report), ("@booked", bookedOn), ("@fee", fee), ("@kind", kind), ("@transaction", transaction));

    /// <summary>A transaction and its credit state as stored before the migration: no new columns yet, so plain SQL.</summary>
    private static async Task SaleAsync(FleetDbContext db, string transaction, string currency, int credits, long? notCreditedBy)
    {
        await RunAsync(db,
            """
            INSERT INTO "Transactions" ("TerminalId", "TransactionId", "StoreCode", "AmountMinor", "Currency", "AuthorizedAtMs", "LastStage",
                "Closed", "ClosedAtMs", "RecordJson", "UpdatedAtMs")
            VALUES ('T-1', @transaction, 'S1', 12800, @currency, 0, 'settled', TRUE, 0, '{}', 0)
            """, ("@transaction", transaction), ("@currency", currency));
        await RunAsync(db,
            """
            INSERT INTO "SaleCredits" ("TerminalId", "TransactionId", "Acquirer", "StoreCode", "SettledOn", "Credits", "Mismatches", "CreditedOn",
                "NotCreditedReportId", "UpdatedAtMs")
            VALUES ('T-1', @transaction, 'unionpay', 'S1', @settled, @credits, 0, @creditedOn, @notCredited, 0)
            """, ("@transaction", transaction), ("@settled", Settled), ("@credits", credits),
            ("@creditedOn", credits > 0 ? Settled.AddDays(1) : DBNull.Value), ("@notCredited", (object?)notCreditedBy ?? DBNull.Value));
    }

    private static Task RunAsync(FleetDbContext db, string sql, params (string Name, object Value)[] values) =>
        MigrationDatabase.RunAsync(db, sql, values);
}
