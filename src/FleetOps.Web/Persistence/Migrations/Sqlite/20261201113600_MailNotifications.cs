using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "MailSubscriptionId",
                table: "WebhookDeliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MinSeverity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
