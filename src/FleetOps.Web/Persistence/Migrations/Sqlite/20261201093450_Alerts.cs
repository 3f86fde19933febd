using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolvedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mutes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FromMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UntilMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mutes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Kind_StoreCode_TerminalId",
                table: "Alerts",
                columns: new[] { "Kind", "StoreCode", "TerminalId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_State_OpenedAtMs",
                table: "Alerts",
                columns: new[] { "State", "OpenedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_StoreCode_OpenedAtMs",
                table: "Alerts",
                columns: new[] { "StoreCode", "OpenedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Mutes_UntilMs",
                table: "Mutes",
                column: "UntilMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "Mutes");
        }
    }
}
