using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rollouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RolloutMembers",
                columns: table => new
                {
                    RolloutId = table.Column<long>(type: "INTEGER", nullable: false),
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Wave = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolloutMembers", x => new { x.RolloutId, x.TerminalId });
                });

            migrationBuilder.CreateTable(
                name: "Rollouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    HaltWhenFailedPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AdvanceWhenInstalledPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AcceptedThroughWave = table.Column<int>(type: "INTEGER", nullable: false),
                    SupersededBy = table.Column<long>(type: "INTEGER", nullable: true),
                    HaltedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RolloutWaves",
                columns: table => new
                {
                    RolloutId = table.Column<long>(type: "INTEGER", nullable: false),
                    Wave = table.Column<int>(type: "INTEGER", nullable: false),
                    Stores = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolloutWaves", x => new { x.RolloutId, x.Wave });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RolloutMembers");

            migrationBuilder.DropTable(
                name: "Rollouts");

            migrationBuilder.DropTable(
                name: "RolloutWaves");
        }
    }
}
