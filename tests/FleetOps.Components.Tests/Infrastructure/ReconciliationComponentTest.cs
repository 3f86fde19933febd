using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Persistence;
using FleetOps.Web.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// The reconciliation pages' services on this test's database (the real import, figures and profiles), two stores of
/// acquirer <see cref="Acquirer"/> with one terminal each, settled sales written as the event writer writes them, and
/// reports imported through the service as an upload would be.
/// </summary>
public abstract class ReconciliationComponentTest : FleetComponentTest
{
    public const string Acquirer = "unionpay";

    /// <summary>The settlement day of the sales (store time): three days before <see cref="FleetComponentTest.Start"/>.</summary>
    protected static readonly DateOnly SaleDay = new(2026, 11, 22);

    protected ReconciliationComponentTest()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ReconciliationOptions()));
        // The service cancels an import when the host stops; a component test has no host.
        Services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(
            new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance));
        Services.AddSingleton<ReconciliationService>();
        Services.AddSingleton<ReportProfiles>();
        Services.AddSingleton<ReconciliationFigures>();
        RenderPopoverProvider();
        AcquirerStore("S-1", "898310000000001", "T-1", "10000001");
        AcquirerStore("S-2", "898310000000002", "T-2", "10000002", region: "North");
    }

    protected ReconciliationService Reconciliation => Services.GetRequiredService<ReconciliationService>();

    protected void AcquirerStore(string code, string merchantId, string terminalId, string acquirerTerminalId, string region = "East")
    {
        Stores.Put(new StoreInfo(code, $"Store {code}", region, "Asia/Shanghai", Acquirer, merchantId));
        Fleet.Register(new TerminalRegistration(terminalId, code, "A920", $"SN-{terminalId}", AcquirerTerminalId: acquirerTerminalId));
    }

    /// <summary>A sale authorised, completed and settled at noon of <see cref="SaleDay"/>, stored as the event writer stores it.</summary>
    protected void SettledSale(string terminalId, string transactionId, string rrn, long amountMinor)
    {
        var settledAt = new DateTimeOffset(SaleDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        TransactionEvent Stage(TransactionStage stage, int minutesBefore) => new(NextId(), settledAt.AddMinutes(-minutesBefore), transactionId, stage,
            amountMinor, "CNY", "622848******1234", "A1B2C3", rrn, "000123");
        var record = TransactionRecord.From(terminalId, Stage(TransactionStage.Authorized, 2))
            .With(Stage(TransactionStage.Completed, 1)).With(Stage(TransactionStage.Settled, 0));
        using var db = Database.Factory.CreateDbContext();
        db.Transactions.Add(new TransactionRow
        {
            TerminalId = terminalId, TransactionId = transactionId, StoreCode = Fleet.Get(terminalId)!.StoreCode, AmountMinor = amountMinor,
            Currency = "CNY", AuthorizedAtMs = settledAt.AddMinutes(-2).ToUnixTimeMilliseconds(), LastStage = TransactionStage.Settled.ToWire(),
            Closed = true, ClosedAtMs = settledAt.ToUnixTimeMilliseconds(), RecordJson = TransactionJson.Serialize(record),
            UpdatedAtMs = settledAt.ToUnixTimeMilliseconds(),
            // The columns the import matches by (the event writer fills them from the record).
            Rrn = rrn, AuthCode = "A1B2C3", SettledAtMs = settledAt.ToUnixTimeMilliseconds(),
        });
        db.SaveChanges();
    }

    /// <summary>A line of the generic format (PROTOCOL §11) booked <paramref name="day"/>.</summary>
    protected static string Line(DateOnly day, string acquirerTerminalId, string rrn, long amountMinor, long feeMinor = 50) =>
        $"{day:yyyy-MM-dd},,{acquirerTerminalId},{rrn},A1B2C3,{amountMinor},CNY,622848******1234,sale,{feeMinor}";

    protected static string Csv(params string[] lines) =>
        "date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor\n" + string.Join("\n", lines) + "\n";

    /// <summary>Imports a report as the administrator's upload would, and expects it imported.</summary>
    protected ReportSummary Import(string csv, string fileName = "report.csv")
    {
        var outcome = Wait(() => Reconciliation.ImportAsync(new ReportUpload(fileName, ImportFormat.Csv, Acquirer, null, "admin@example.test"),
            new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.True(outcome.Status == ReportImportStatus.Imported, outcome.Problem);
        return outcome.Report!;
    }
}
