using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TokenRevokedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "ApiTokens",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "ApiTokens");
        }
    }
}
