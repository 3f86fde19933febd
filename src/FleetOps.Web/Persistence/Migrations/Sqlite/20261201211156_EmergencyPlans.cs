using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergencyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyPlans",
                columns: table => new
                {
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    HotlineName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HotlinePhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TechnicianName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TechnicianPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ElectricianName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ElectricianPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OtherContactsJson = table.Column<string>(type: "TEXT", nullable: true),
                    UpsLocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SpareTerminalLocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaperFormsLocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PowerFailsMidPaymentJson = table.Column<string>(type: "TEXT", nullable: true),
                    TerminalDiesJson = table.Column<string>(type: "TEXT", nullable: true),
                    StorePowerOutageJson = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReviewedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyPlans", x => x.StoreCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyPlans");
        }
    }
}
