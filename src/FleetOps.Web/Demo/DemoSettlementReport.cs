using System.Globalization;
using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Wire;
using Microsoft.EntityFrameworkCore;
using FleetOps.Web.Cases;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Demo;

/// <summary>
/// The demo's settlement report (issue 16, item 6), imported once per day at start: twelve card sales of demo terminals
/// settled three and two days ago are written through the event writer, and the acquirer's generic-format report up to
/// yesterday is generated from every settled sale of the demo stores in those days (the simulator's too) and imported
/// like an upload. It credits most of them, leaves out two of the twelve settled three days ago — the report covers their
/// credit days, so they become <c>not_credited</c> and each gets a recovery case — credits one with a wrong amount, and
/// credits one sale no terminal recorded. Ids are fixed per run date and the report is named after its last day: a
/// restart on the same day finds duplicate events and the report already there.
/// </summary>
public sealed partial class DemoSettlementReport(EventWriter writer, FleetState fleet, StoreDirectory stores, ReconciliationService reconciliation,
    CaseService cases, FleetOps.Web.Persistence.FleetDbContextFactory databases, TimeProvider time, ILogger logger)
{
    private const int Sales = 12;
    private const string Currency = "CNY";
    private static readonly int[] Missing = [2, 5];

    /// <summary>How many of the demo's sales the report leaves out: the worklist's <c>not_credited</c> items.</summary>
    public const int NotCreditedSales = 2;
    private const int WrongAmount = 9;

    /// <summary>A demo sale: its terminal, ids, amount and the store-local day it was settled.</summary>
    private sealed record DemoSale(TerminalRegistration Terminal, StoreInfo Store, string TransactionId, string Rrn, long AmountMinor, DateOnly SettledOn);

    public async Task TellAsync(CancellationToken cancellationToken)
    {
        var terminals = fleet.All.Select(t => t.Registration)
            .Where(r => r.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal) && !r.Decommissioned && r.AcquirerTerminalId is not null)
            .Select(r => (Terminal: r, Store: stores.Get(r.StoreCode)))
            .Where(t => t.Store is { MerchantId: not null } s && s.Acquirer == DemoChain.DemoAcquirer)
            .OrderBy(t => t.Terminal.TerminalId, StringComparer.Ordinal).Skip(5).Take(6).ToList(); // the first five tell the backlog's stories
        if (terminals.Count == 0) return;
        var zone = StoreTime.Find(terminals[0].Store!.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var stamp = today.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var fileName = $"{DemoChain.DemoAcquirer}-{today.AddDays(-1):yyyyMMdd}.csv";
        if ((await reconciliation.ListAsync(Core.Access.AccessScope.All, cancellationToken)).Any(r => r.FileName == fileName)) return;
        var sales = new List<DemoSale>(Sales);
        for (var i = 0; i < Sales; i++)
        {
            var (terminal, store) = terminals[i % terminals.Count];
            var settledOn = today.AddDays(i < 8 ? -3 : -2);
            var sale = new DemoSale(terminal, store!, $"{stamp}-{8001 + i}", $"8{stamp}{i:D5}", 1_680 + i * 2_370, settledOn);
            sales.Add(sale);
            await writer.WriteAsync(terminal.TerminalId, Events(sale, i, stamp, zone), cancellationToken);
        }
        var others = await OtherSettledSalesAsync(sales, zone, today, cancellationToken);
        var report = Encoding.UTF8.GetBytes(Report(sales, others, terminals[0].Terminal, terminals[0].Store!, stamp, today));
        using var content = new MemoryStream(report, writable: false);
        var outcome = await reconciliation.ImportAsync(new ReportUpload(fileName, ImportFormat.Csv,
            DemoChain.DemoAcquirer, ReportLayout.GenericName, "FleetOps demo"), content, null, cancellationToken);
        LogImported(outcome.Status.ToString(), outcome.Report?.Id ?? 0);
        var admin = DemoUsers.Accounts[0].Email;
        foreach (var i in Missing)
        {
            await cases.OpenAsync(sales[i].Terminal.TerminalId, sales[i].TransactionId, sales[i].Store.Code, admin);
        }
    }

    private static List<TelemetryEvent> Events(DemoSale sale, int index, string stamp, TimeZoneInfo zone)
    {
        var authorized = new DateTimeOffset(sale.SettledOn.ToDateTime(new TimeOnly(11, 0).AddMinutes(index * 23)), zone.GetUtcOffset(sale.SettledOn.ToDateTime(TimeOnly.MinValue)));
        var settled = new DateTimeOffset(sale.SettledOn.ToDateTime(new TimeOnly(22, 30)), authorized.Offset);
        TelemetryEvent Stage(TransactionStage stage, DateTimeOffset at) => new TransactionEvent($"demo-credit.{stamp}.{index}.{stage}", at, sale.TransactionId,
            stage, sale.AmountMinor, Currency, $"622848******{1000 + index * 7:D4}", $"D{index:D2}C{stamp[^2..]}", sale.Rrn, $"8{stamp}");
        return [Stage(TransactionStage.Authorized, authorized), Stage(TransactionStage.Completed, authorized.AddSeconds(40)), Stage(TransactionStage.Settled, settled)];
    }

    /// <summary>The demo stores' other settled sales (the simulator's) of the report's days: the acquirer credits them all, the day they settled.</summary>
    private async Task<List<DemoSale>> OtherSettledSalesAsync(List<DemoSale> told, TimeZoneInfo zone, DateOnly today, CancellationToken cancellationToken)
    {
        var fromMs = new DateTimeOffset(today.AddDays(-4).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var settled = TransactionStage.Settled.ToWire();
        var mine = told.Select(s => s.TransactionId).ToHashSet(StringComparer.Ordinal);
        await using var db = databases.CreateDbContext();
        var rows = db.Transactions.AsNoTracking()
            .Where(t => t.TerminalId.StartsWith(DemoChain.TerminalPrefix) && t.LastStage == settled && t.AuthorizedAtMs >= fromMs)
            .Select(t => t.RecordJson).AsAsyncEnumerable();
        var others = new List<DemoSale>();
        await foreach (var json in rows.WithCancellation(cancellationToken))
        {
            if (FleetOps.Web.Persistence.TransactionJson.Deserialize(json) is not { Rrn: { } rrn } record || mine.Contains(record.TransactionId)) continue;
            if (fleet.Get(record.TerminalId)?.Registration is not { AcquirerTerminalId: not null } terminal || stores.Get(terminal.StoreCode) is not { MerchantId: not null } store) continue;
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.At(TransactionStage.Settled)!.Value, zone).DateTime);
            if (day >= today.AddDays(-3) && day < today) others.Add(new DemoSale(terminal, store, record.TransactionId, rrn, record.AmountMinor, day));
        }
        return others;
    }

    private static string Report(List<DemoSale> sales, List<DemoSale> others, TerminalRegistration stranger, StoreInfo strangerStore, string stamp, DateOnly today)
    {
        var text = new StringBuilder("date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor\n");
        void Line(DateOnly day, string merchant, string terminal, string rrn, string auth, long amount, string pan) =>
            text.Append(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd},{merchant},{terminal},{rrn},{auth},{amount},{Currency},{pan},sale,{Math.Round(amount * 0.0038m, MidpointRounding.AwayFromZero)}\n");
        for (var i = 0; i < sales.Count; i++)
        {
            if (Missing.Contains(i)) continue;
            var sale = sales[i];
            // Two are booked the day they settled, the rest the next day: the report then covers the day before yesterday to yesterday.
            var booked = i < 2 ? sale.SettledOn : sale.SettledOn.AddDays(1);
            var amount = i == WrongAmount ? sale.AmountMinor - 100 : sale.AmountMinor;
            Line(booked, sale.Store.MerchantId!, sale.Terminal.AcquirerTerminalId!, sale.Rrn, $"D{i:D2}C{stamp[^2..]}", amount, $"622848******{1000 + i * 7:D4}");
        }
        foreach (var sale in others)
        {
            Line(sale.SettledOn, sale.Store.MerchantId!, sale.Terminal.AcquirerTerminalId!, sale.Rrn, "", sale.AmountMinor, "");
        }
        // A credit for a sale none of the chain's terminals recorded.
        Line(today.AddDays(-1), strangerStore.MerchantId!, stranger.AcquirerTerminalId!, $"8{stamp}99999", "ZZ99ZZ", 4_200, "621700******9999");
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo settlement report: {Status} (report {ReportId})")]
    private partial void LogImported(string status, long reportId);
}
