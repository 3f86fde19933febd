using FleetOps.Core.Cases;
using FleetOps.Web.Cases;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// Cases survive a restart with their trail, and a case still open for a transaction that had already closed
/// (the settlement was committed but the case not yet resolved when the server stopped) is resolved at start-up.
/// </summary>
public sealed class CaseRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task Restart_keeps_cases_and_resolves_those_whose_transaction_closed_meanwhile()
    {
        var clock = new FakeTimeProvider(UnsettledClockApp.WholeSecond(DateTimeOffset.UtcNow));
        var t = clock.GetUtcNow();
        Till till;
        long openId, closedId;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock, Settings = UnsettledClockApp.ProductionDetection,
        }))
        {
            till = await Till.OpenAsync(first);
            await till.SendSaleInAsync("not_settled", "000902-0001", t);
            await till.SendSaleInAsync("not_settled", "000902-0002", t.AddMinutes(-1));
            await till.SendAsync(Sale("s", t.AddSeconds(-1), "000902-0002", "settled"));
            var service = first.GetService<CaseService>();
            var open = await service.OpenAsync(till.TerminalId, "000902-0001", till.Store, "a@example.test");
            await service.AssignOwnerAsync(open.Id, "a@example.test", "a@example.test");
            await service.AddNoteAsync(open.Id, "Called the bank, they are checking", "a@example.test");
            // A case opened on a transaction that is already closed: nothing will close it but the start-up check.
            var closed = await service.OpenAsync(till.TerminalId, "000902-0002", till.Store, "a@example.test");
            (openId, closedId) = (open.Id, closed.Id);
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database, Clock = new FakeTimeProvider(t.AddSeconds(5)), Settings = UnsettledClockApp.ProductionDetection,
        });
        var cases = _second.GetService<CaseBook>();
        var resolved = await Eventually.MatchesAsync(() => Task.FromResult(cases.Get(closedId)), c => c?.IsResolved == true, "the start-up check");

        Assert.Equal(CaseOutcome.SettledLate, resolved!.Outcome);
        var kept = cases.Get(openId)!;
        Assert.Equal(("a@example.test", CaseStep.CheckRecord), (kept.Owner, kept.Step));
        var trail = await _second.GetService<CaseService>().TrailAsync(openId);
        Assert.Equal([CaseEntryKind.Opened, CaseEntryKind.OwnerChanged, CaseEntryKind.Note], trail.Select(e => e.Kind));
        Assert.Equal("Called the bank, they are checking", trail[^1].Text);
        Assert.Equal("check_record", Expect.Wire((await _second.ItemAsync(till, "000902-0001"))!["caseStatus"]));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
