using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
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
                    StoreCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    HotlineName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HotlinePhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TechnicianName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TechnicianPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ElectricianName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ElectricianPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OtherContactsJson = table.Column<string>(type: "text", nullable: true),
                    UpsLocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SpareTerminalLocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaperFormsLocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PowerFailsMidPaymentJson = table.Column<string>(type: "text", nullable: true),
                    TerminalDiesJson = table.Column<string>(type: "text", nullable: true),
                    StorePowerOutageJson = table.Column<string>(type: "text", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReviewedAtMs = table.Column<long>(type: "bigint", nullable: false)
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
