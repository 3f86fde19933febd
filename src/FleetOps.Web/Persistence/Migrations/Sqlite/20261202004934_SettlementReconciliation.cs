using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetOps.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettlementReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SaleCredits",
                columns: table => new
                {
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Acquirer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Credits = table.Column<int>(type: "INTEGER", nullable: false),
                    Mismatches = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotCreditedReportId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleCredits", x => new { x.TerminalId, x.TransactionId });
                });

            migrationBuilder.CreateTable(
                name: "SettlementLines",
                columns: table => new
                {
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcquirerTerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rrn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MaskedPan = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Fingerprint = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementLines", x => new { x.ReportId, x.Row });
                });

            migrationBuilder.CreateTable(
                name: "SettlementReportProfiles",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Acquirer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LayoutJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementReportProfiles", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SettlementReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Acquirer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedWithoutSale = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountMismatches = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Debits = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstBookedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastBookedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ErrorsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlementReportStores",
                columns: table => new
                {
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoreCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedWithoutSale = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountMismatches = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Debits = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    DebitedMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeMinor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementReportStores", x => new { x.ReportId, x.StoreCode, x.Currency });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SaleCredits_Acquirer_SettledOn",
                table: "SaleCredits",
                columns: new[] { "Acquirer", "SettledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleCredits_NotCreditedReportId",
                table: "SaleCredits",
                column: "NotCreditedReportId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_BookedOn_Fingerprint",
                table: "SettlementLines",
                columns: new[] { "BookedOn", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_StoreCode_BookedOn",
                table: "SettlementLines",
                columns: new[] { "StoreCode", "BookedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_TerminalId_TransactionId",
                table: "SettlementLines",
                columns: new[] { "TerminalId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementReports_Acquirer_FileHash",
                table: "SettlementReports",
                columns: new[] { "Acquirer", "FileHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementReports_Acquirer_LastBookedOn",
                table: "SettlementReports",
                columns: new[] { "Acquirer", "LastBookedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementReportStores_StoreCode",
                table: "SettlementReportStores",
                column: "StoreCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SaleCredits");

            migrationBuilder.DropTable(
                name: "SettlementLines");

            migrationBuilder.DropTable(
                name: "SettlementReportProfiles");

            migrationBuilder.DropTable(
                name: "SettlementReports");

            migrationBuilder.DropTable(
                name: "SettlementReportStores");
        }
    }
}
