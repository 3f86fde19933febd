namespace FleetOps.Web.Persistence.Migrations;

/// <summary>
/// The <c>CreditFees</c> migration's data step (the same SQL on SQLite and PostgreSQL): each stored credit state gets its
/// sale's currency and the fee of its first right credit, read from the lines while their index by sale still exists —
/// the migration drops it afterwards. A report left importing (SQLite) is not one whose credits were stored.
/// </summary>
internal static class CreditFeesBackfill
{
    public const string Sql =
        """
        UPDATE "SaleCredits" SET
            "Currency" = COALESCE((SELECT t."Currency" FROM "Transactions" t
                WHERE t."TerminalId" = "SaleCredits"."TerminalId" AND t."TransactionId" = "SaleCredits"."TransactionId"), ''),
            "FeeMinor" = COALESCE((SELECT l."FeeMinor" FROM "SettlementLines" l
                WHERE l."TerminalId" = "SaleCredits"."TerminalId" AND l."TransactionId" = "SaleCredits"."TransactionId"
                    AND l."Kind" = 'credited' AND l."ReportId" IN (SELECT r."Id" FROM "SettlementReports" r WHERE NOT r."Importing")
                ORDER BY l."BookedOn", l."ReportId", l."Row" LIMIT 1), 0);
        """;
}
