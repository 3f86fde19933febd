using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleKey",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(StaffRosterKeysBackfill.Sqlite);

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
