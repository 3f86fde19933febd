using AngleSharp.Dom;
using Bunit;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// The unsettled-payments worklist's tests, fed the way the app feeds it: transaction records published into the book (as
/// the event writer does after a commit), power events into the fleet, and time moved by hand so that deadlines pass.
/// S-1 (East): T-1, T-2. S-2 (North): T-3.
/// </summary>
public abstract class WorklistComponentTest : FleetComponentTest
{
    /// <summary>Where MudBlazor renders the open selects' items (MainLayout has it in the app).</summary>
    protected IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers { get; }

    protected WorklistComponentTest()
    {
        Popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
    }

    protected TimeSpan CompletionTimeout => TimeSpan.FromSeconds(Detection.CompletionTimeoutSeconds);

    protected TransactionEvent Stage(string transactionId, TransactionStage stage, DateTimeOffset at, long amountMinor = 12800,
        string currency = "CNY", string rrn = "123456789012") =>
        new(NextId(), at, transactionId, stage, amountMinor, currency, "622848******1234", "A1B2C3", rrn, "000123");

    /// <summary>Merges events into the sale's record and publishes it, as the event writer does after the commit.</summary>
    protected TransactionRecord Publish(string terminalId, params TransactionEvent[] events)
    {
        var record = Book.Get(terminalId, events[0].TransactionId)?.Record;
        foreach (var e in events) record = record?.With(e) ?? TransactionRecord.From(terminalId, e);
        PublishToBook(record!, Fleet.Get(terminalId)!.StoreCode);
        return record!;
    }

    /// <summary>A sale authorised <paramref name="ago"/> ago and not completed (incomplete once the timeout has passed).</summary>
    protected void Authorized(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800, string currency = "CNY",
        string rrn = "123456789012") =>
        Publish(terminalId, Stage(transactionId, TransactionStage.Authorized, Now - ago, amountMinor, currency, rrn));

    /// <summary>A sale authorised and completed <paramref name="ago"/> ago and never settled.</summary>
    protected void Completed(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800) =>
        Publish(terminalId, Stage(transactionId, TransactionStage.Authorized, Now - ago, amountMinor),
            Stage(transactionId, TransactionStage.Completed, Now - ago + TimeSpan.FromSeconds(30), amountMinor));

    /// <summary>Authorised, then the terminal lost power and rebooted, and the sale never completed.</summary>
    protected void Interrupted(string terminalId, string transactionId, TimeSpan ago, long amountMinor = 12800)
    {
        PowerLoss(terminalId, ago - TimeSpan.FromSeconds(20));
        Authorized(terminalId, transactionId, ago, amountMinor);
    }

    protected static IElement? Row(IRenderedComponent<Worklist> cut, string terminalId, string transactionId) =>
        cut.FindAll($"[data-testid='unsettled-{terminalId}-{transactionId}']").SingleOrDefault();

    protected static IReadOnlyList<string> RowIds(IRenderedComponent<Worklist> cut) =>
        cut.FindAll("[data-testid=unsettled-table] tbody tr").Select(r => r.GetAttribute("data-testid")!["unsettled-".Length..]).ToList();

    /// <summary>A heartbeat reporting reversals the terminal could not send yet, and an open batch of three payments.</summary>
    protected HeartbeatEvent PendingReversalsHeartbeat(int pending) =>
        new(NextId(), Now, "boot-1", 3600, "3.2.1", "1.8.0", PowerSource.Mains, 90, PendingReversals: pending,
            OpenBatchCount: 3, OpenBatchAmountMinor: 45600, Currency: "CNY");

    /// <summary>The page's address now (its view is kept there).</summary>
    protected string Address => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;
}
