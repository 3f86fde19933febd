using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconciliationColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthCode",
                table: "Transactions",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rrn",
                table: "Transactions",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledAtMs",
                table: "Transactions",
                type: "INTEGER",
                nullable: true);

            // Back-fill from the stored record (the first "settled" mark, as TransactionRecord.At reads it).
            migrationBuilder.Sql(
                """
                UPDATE "Transactions" SET
                    "Rrn" = json_extract("RecordJson", '$.rrn'),
                    "AuthCode" = json_extract("RecordJson", '$.authCode'),
                    "SettledAtMs" = (SELECT CAST(ROUND((julianday(json_extract(s.value, '$.at')) - 2440587.5) * 86400000) AS INTEGER)
                                     FROM json_each("Transactions"."RecordJson", '$.stages') AS s
                                     WHERE json_extract(s.value, '$.stage') = 'settled' ORDER BY s.key LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthCode",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Rrn",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "SettledAtMs",
                table: "Transactions");
        }
    }
}
