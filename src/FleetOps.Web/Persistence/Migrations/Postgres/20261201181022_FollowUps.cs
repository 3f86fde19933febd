using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUpItem",
                table: "WorkOrders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpOf",
                table: "WorkOrders",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_FollowUpOf_FollowUpItem",
                table: "WorkOrders",
                columns: new[] { "FollowUpOf", "FollowUpItem" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_FollowUpOf_FollowUpItem",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "FollowUpItem",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "FollowUpOf",
                table: "WorkOrders");
        }
    }
}
