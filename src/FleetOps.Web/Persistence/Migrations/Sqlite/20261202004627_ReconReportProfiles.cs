using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconReportProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportProfiles",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Acquirer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DateFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountsInMajorUnits = table.Column<bool>(type: "INTEGER", nullable: false),
                    TypeWordsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportProfiles", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportProfiles_Acquirer",
                table: "ReportProfiles",
                column: "Acquirer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportProfiles");
        }
    }
}
