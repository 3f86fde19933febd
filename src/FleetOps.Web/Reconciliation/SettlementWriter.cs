using System.Data.Common;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The import's two statements, each one prepared command reused for every row inside the report's one transaction
/// (the bulk onboarding's way: EF's change tracker for a million lines costs seconds and hundreds of MB). The SQL is the
/// same on SQLite and PostgreSQL; the columns are those of <see cref="SettlementLineRow"/> and <see cref="SaleCreditRow"/>.
/// </summary>
internal sealed class SettlementWriter : IDisposable
{
    private readonly DbCommand _line;
    private readonly DbCommand _credit;

    public SettlementWriter(DbConnection connection, DbTransaction transaction)
    {
        _line = CommandParameters.Command(connection, transaction,
            """
            INSERT INTO "SettlementLines" ("ReportId", "Row", "BookedOn", "MerchantId", "AcquirerTerminalId", "Rrn", "AuthCode",
                "AmountMinor", "Currency", "MaskedPan", "Type", "FeeMinor", "Kind", "StoreCode", "TerminalId", "TransactionId", "Fingerprint")
            VALUES (@report, @row, @day, @merchant, @terminal, @rrn, @auth, @amount, @currency, @pan, @type, @fee, @kind, @store,
                @sale_terminal, @sale, @fingerprint)
            """, "@report", "@row", "@day", "@merchant", "@terminal", "@rrn", "@auth", "@amount", "@currency", "@pan", "@type", "@fee",
            "@kind", "@store", "@sale_terminal", "@sale", "@fingerprint");
        // One row per sale: inserted the first time a report names it (or proves it missing), updated after.
        _credit = CommandParameters.Command(connection, transaction,
            """
            INSERT INTO "SaleCredits" ("TerminalId", "TransactionId", "Acquirer", "StoreCode", "SettledOn", "Credits", "Mismatches",
                "CreditedOn", "NotCreditedReportId", "UpdatedAtMs")
            VALUES (@terminal, @sale, @acquirer, @store, @settled, @credits, @mismatches, @credited, @proof, @at)
            ON CONFLICT ("TerminalId", "TransactionId") DO UPDATE SET "Credits" = excluded."Credits",
                "Mismatches" = excluded."Mismatches", "CreditedOn" = excluded."CreditedOn",
                "NotCreditedReportId" = excluded."NotCreditedReportId", "UpdatedAtMs" = excluded."UpdatedAtMs"
            """, "@terminal", "@sale", "@acquirer", "@store", "@settled", "@credits", "@mismatches", "@credited", "@proof", "@at");
    }

    public Task LineAsync(long reportId, ItemMatch match, string? storeCode, CancellationToken cancellationToken)
    {
        var item = match.Item;
        return CommandParameters.RunAsync(_line, cancellationToken, reportId, item.Row, item.BookedOn, item.MerchantId, item.AcquirerTerminalId, item.Rrn,
            Nullable(item.AuthCode), item.AmountMinor, item.Currency, Nullable(item.MaskedPan), item.Type.ToWire(), item.FeeMinor,
            match.Kind.ToWire(), Nullable(storeCode), Nullable(match.Sale?.TerminalId), Nullable(match.Sale?.TransactionId),
            CreditLedger.Fingerprint(item));
    }

    public Task CreditAsync(CreditCandidate sale, string acquirer, string storeCode, CreditStatus status, long? notCreditedReportId,
        long atMs, CancellationToken cancellationToken) =>
        CommandParameters.RunAsync(_credit, cancellationToken, sale.TerminalId, sale.TransactionId, acquirer, storeCode, sale.SettledOn, status.Credits,
            status.Mismatches, status.CreditedOn is { } day ? day : DBNull.Value, notCreditedReportId is { } id ? id : DBNull.Value, atMs);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    public void Dispose()
    {
        _line.Dispose();
        _credit.Dispose();
    }
}
