using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MailNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "WebhookId",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "MailSubscriptionId",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Kinds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MinSeverity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_MailSubscriptionId_Id",
                table: "WebhookDeliveries",
                columns: new[] { "MailSubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MailSubscriptions_UserId",
                table: "MailSubscriptions",
                column: "UserId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_WebhookDeliveries_MailSubscriptions_MailSubscriptionId",
                table: "WebhookDeliveries",
                column: "MailSubscriptionId",
                principalTable: "MailSubscriptions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WebhookDeliveries_MailSubscriptions_MailSubscriptionId",
                table: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "MailSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_MailSubscriptionId_Id",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "MailSubscriptionId",
                table: "WebhookDeliveries");

            migrationBuilder.AlterColumn<long>(
                name: "WebhookId",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
