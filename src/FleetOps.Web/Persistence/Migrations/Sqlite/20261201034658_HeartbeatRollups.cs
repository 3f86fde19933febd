using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeartbeatRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TelemetryEvents_Type_AtMs",
                table: "TelemetryEvents");

            migrationBuilder.CreateTable(
                name: "HeartbeatHours",
                columns: table => new
                {
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HourMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MinBattery = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxBattery = table.Column<int>(type: "INTEGER", nullable: true),
                    Versions = table.Column<string>(type: "TEXT", nullable: false),
                    EventIds = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeartbeatHours", x => new { x.HourMs, x.TerminalId });
                });

            migrationBuilder.CreateTable(
                name: "TerminalBoots",
                columns: table => new
                {
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BootId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TerminalBoots", x => new { x.TerminalId, x.BootId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryEvents_Type_AtMs",
                table: "TelemetryEvents",
                columns: new[] { "Type", "AtMs" },
                filter: "\"Type\" = 'power'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeartbeatHours");

            migrationBuilder.DropTable(
                name: "TerminalBoots");

            migrationBuilder.DropIndex(
                name: "IX_TelemetryEvents_Type_AtMs",
                table: "TelemetryEvents");

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryEvents_Type_AtMs",
                table: "TelemetryEvents",
                columns: new[] { "Type", "AtMs" });
        }
    }
}
