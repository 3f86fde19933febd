using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Transactions",
                columns: table => new
                {
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AuthorizedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transactions", x => new { x.TerminalId, x.TransactionId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Transactions_Closed_AuthorizedAtMs",
                table: "Transactions",
                columns: new[] { "Closed", "AuthorizedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Transactions_StoreCode_AuthorizedAtMs",
                table: "Transactions",
                columns: new[] { "StoreCode", "AuthorizedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Transactions");
        }
    }
}
