using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditFees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "SaleCredits",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "FeeMinor",
                table: "SaleCredits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql(CreditFeesBackfill.Sql);

            migrationBuilder.DropIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Currency",
                table: "SaleCredits");

            migrationBuilder.DropColumn(
                name: "FeeMinor",
                table: "SaleCredits");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines",
                columns: new[] { "TerminalId", "TransactionId" },
                filter: "\"TransactionId\" IS NOT NULL");
        }
    }
}
