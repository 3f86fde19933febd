using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>
/// The book's running totals always equal what a walk of its unsettled transactions gives, through sales arriving,
/// deadlines passing, closing stages and duplicates, in a random but repeatable order.
/// </summary>
public sealed class UnsettledSummaryTests
{
    private static readonly string[] Stores = ["S-1", "S-2", "s-3"];
    private static readonly string[] Currencies = ["CNY", "EUR"];
    private static readonly TransactionStage[] Later = [TransactionStage.Completed, TransactionStage.Settled, TransactionStage.Voided, TransactionStage.Reversed];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Running_totals_match_a_walk_of_the_book(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var options = new DetectionOptions();
        var book = new TransactionBook(clock, options, new FleetState(clock, options));
        var records = new Dictionary<(string, string), (TransactionRecord Record, string Store)>();
        var events = 0;

        for (var step = 0; step < 2000; step++)
        {
            var terminal = $"T-{random.Next(12)}";
            var store = Stores[int.Parse(terminal[2..]) % Stores.Length];
            var tx = $"tx-{random.Next(150)}";
            var known = records.GetValueOrDefault((terminal, tx));
            var stage = known.Record is null ? TransactionStage.Authorized : Later[random.Next(Later.Length)];
            var e = new TransactionEvent($"e-{events++}", clock.GetUtcNow(), tx, stage, 100 + random.Next(900), Currencies[random.Next(2)]);
            var record = known.Record?.With(e) ?? TransactionRecord.From(terminal, e);
            if (random.Next(10) == 0 && known.Record is not null) record = known.Record; // a duplicate
            records[(terminal, tx)] = (record, store);
            book.Publish([(record, store)]);
            clock.Advance(TimeSpan.FromMinutes(random.Next(0, 240)));
            book.Sweep();
            if (step % 50 == 0) AssertMatches(book);
        }
        AssertMatches(book);
        Assert.Contains(book.Summary().Risk, c => c.Reason == UnsettledReason.AuthorizationExpiring);
    }

    private static void AssertMatches(TransactionBook book)
    {
        var unsettled = book.Unsettled.ToList();
        var expected = unsettled
            .GroupBy(t => (Store: t.StoreCode.ToUpperInvariant(), t.Record.Currency, Reason: t.Verdict.Reason!.Value))
            .Select(g => $"{g.Key.Store}/{g.Key.Currency}/{g.Key.Reason}:{g.Sum(t => t.Record.AmountMinor)}x{g.Count()}").Order();
        var summary = book.Summary();
        Assert.Equal(expected, summary.Risk.Select(c => $"{c.StoreCode.ToUpperInvariant()}/{c.Currency}/{c.Reason}:{c.AmountMinor}x{c.Count}").Order());

        var overdue = unsettled.Where(t => t.Verdict.Reason is UnsettledReason.NotSettled or UnsettledReason.AuthorizationExpiring)
            .GroupBy(t => (t.TerminalId, t.Record.Currency))
            .Select(g => $"{g.Key.TerminalId}/{g.Key.Currency}:{g.Sum(t => t.Record.AmountMinor)}x{g.Count()}").Order();
        Assert.Equal(overdue, summary.Overdue.Select(c => $"{c.TerminalId}/{c.Currency}:{c.AmountMinor}x{c.Count}").Order());

        Assert.Equal(unsettled.Count(t => t.Verdict.Reason == UnsettledReason.Incomplete), summary.Incomplete.Count);
        var scoped = book.Summary(new HashSet<string>(["S-1"], StringComparer.OrdinalIgnoreCase));
        Assert.All(scoped.Risk, c => Assert.Equal("S-1", c.StoreCode));
    }
}
