using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
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
                    TerminalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoreCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AuthorizedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    LastStage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RecordJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
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
