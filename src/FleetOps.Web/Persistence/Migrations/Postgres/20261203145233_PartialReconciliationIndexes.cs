using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialReconciliationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines");

            migrationBuilder.DropIndex(
                name: "IX_SaleCredits_NotCreditedReportId",
                table: "SaleCredits");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines",
                columns: new[] { "TerminalId", "TransactionId" },
                filter: "\"TransactionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SaleCredits_NotCreditedReportId",
                table: "SaleCredits",
                column: "NotCreditedReportId",
                filter: "\"NotCreditedReportId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines");

            migrationBuilder.DropIndex(
                name: "IX_SaleCredits_NotCreditedReportId",
                table: "SaleCredits");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines",
                columns: new[] { "TerminalId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleCredits_NotCreditedReportId",
                table: "SaleCredits",
                column: "NotCreditedReportId");
        }
    }
}
