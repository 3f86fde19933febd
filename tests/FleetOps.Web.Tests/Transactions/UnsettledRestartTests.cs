using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A restart keeps the open unsettled transactions with the same reasons, and their pending deadlines still fire:
/// one app is stopped and a second one is started on the same database file (see Persistence/RestartTests.cs).
/// </summary>
public sealed class UnsettledRestartTests : IAsyncLifetime
{
    private static readonly string[] Reasons = ["incomplete", "interrupted_by_power_loss", "not_settled", "authorization_expiring"];
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task Restart_keeps_open_unsettled_transactions_with_their_reasons_and_deadlines()
    {
        var clock = new FakeTimeProvider(UnsettledClockApp.WholeSecond(DateTimeOffset.UtcNow));
        var t = clock.GetUtcNow();
        string store;
        Till pending, settled, lost;
        IReadOnlyList<string> before;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock, Settings = UnsettledClockApp.ProductionDetection,
        }))
        {
            store = await first.CreateStoreAsync(Ids.New("S"));
            for (var i = 0; i < Reasons.Length; i++)
            {
                await (await Till.OpenAsync(first, store)).SendSaleInAsync(Reasons[i], $"000456-000{i}", t, amountMinor: 1000 * (i + 1));
            }
            pending = await Till.OpenAsync(first, store); // authorised 4 minutes ago: incomplete one minute after the restart
            await pending.SendAsync(Sale("p-1", t.AddMinutes(-4), "000456-0100", "authorized"));
            settled = await Till.OpenAsync(first, store); // closed before the restart: stays off the list
            await settled.SendSaleInAsync("not_settled", "000456-0200", t);
            await settled.SendAsync(Sale("s-1", t.AddMinutes(-1), "000456-0200", "settled"));
            lost = await Till.OpenAsync(first, store); // reversed after the power loss: a lost sale, off the list
            await lost.SendSaleInAsync("interrupted_by_power_loss", "000456-0300", t);
            await lost.SendAsync(Sale("r-1", t.AddMinutes(-2), "000456-0300", "reversed"));
            before = Summary(await first.UnsettledInAsync(store));
        }

        var later = new FakeTimeProvider(t.AddSeconds(5));
        _second = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, Clock = later, Settings = UnsettledClockApp.ProductionDetection,
        });
        var after = Summary(await _second.UnsettledInAsync(store));

        Assert.Equal(Reasons.Select((r, i) => $"000456-000{i}:{r}:{1000 * (i + 1)}").Order(), before.Order());
        Assert.Equal(before.Order(), after.Order());
        Assert.Null(await _second.ReasonAsync(pending, "000456-0100"));
        Assert.Null(await _second.ReasonAsync(settled, "000456-0200"));
        Assert.Null(await _second.ReasonAsync(lost, "000456-0300"));
        Assert.Contains(_second.GetService<TransactionBook>().LostSales, s => s.TerminalId == lost.TerminalId && s.TransactionId == "000456-0300");
        later.SetUtcNow(t.AddMinutes(1));
        later.Advance(FleetClock.Tick);
        await _second.ReasonBecomesAsync(pending, "000456-0100", "incomplete");
    }

    private static IReadOnlyList<string> Summary(System.Text.Json.Nodes.JsonObject page) => page.Items()
        .Select(i => $"{Expect.Wire(i["transactionId"])}:{Expect.Wire(i["reason"])}:{i["amountMinor"]!.GetValue<long>()}")
        .ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
