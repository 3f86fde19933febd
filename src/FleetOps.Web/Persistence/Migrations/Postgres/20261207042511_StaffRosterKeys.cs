using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffRosterKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "StaffMembers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleKey",
                table: "StaffMembers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(StaffRosterKeysBackfill.Postgres);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_OnRoster",
                table: "StaffMembers",
                columns: new[] { "StoreCode", "NameKey", "RoleKey" },
                unique: true,
                filter: "\"LeftOn\" IS NULL AND \"NameKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StaffMembers_OnRoster",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "RoleKey",
                table: "StaffMembers");
        }
    }
}
