using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
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
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rrn",
                table: "Transactions",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SettledAtMs",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            // Back-fill from the stored record (the first "settled" mark, as TransactionRecord.At reads it).
            migrationBuilder.Sql(
                """
                UPDATE "Transactions" SET
                    "Rrn" = "RecordJson"::jsonb ->> 'rrn',
                    "AuthCode" = "RecordJson"::jsonb ->> 'authCode',
                    "SettledAtMs" = (SELECT round(extract(epoch FROM (s.value ->> 'at')::timestamptz) * 1000)::bigint
                                     FROM jsonb_array_elements("Transactions"."RecordJson"::jsonb -> 'stages') WITH ORDINALITY AS s(value, n)
                                     WHERE s.value ->> 'stage' = 'settled' ORDER BY s.n LIMIT 1);
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
