using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
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
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Acquirer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ColumnsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DateFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountsInMajorUnits = table.Column<bool>(type: "boolean", nullable: false),
                    TypeWordsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
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
