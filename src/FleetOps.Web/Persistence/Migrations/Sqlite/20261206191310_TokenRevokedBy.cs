using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
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
                type: "TEXT",
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
