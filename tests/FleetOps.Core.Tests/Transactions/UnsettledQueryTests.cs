using System.Collections.Immutable;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>
/// The worklist's paging keeps only the rows up to the end of the page and the record works its stage facts out once:
/// both must answer exactly what a full filter, sort and skip/take and the plain stage scans answer.
/// </summary>
public sealed class UnsettledQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Many ties on purpose: few stores, terminals, amounts and times, so the tie-breakers decide.</summary>
    private static List<TrackedTransaction> Book(int count, int seed)
    {
        var random = new Random(seed);
        UnsettledReason?[] reasons = [null, .. Enum.GetValues<UnsettledReason>().Cast<UnsettledReason?>()];
        return Enumerable.Range(0, count).Select(i =>
        {
            var at = Now.AddMinutes(-random.Next(0, 40));
            var e = new TransactionEvent($"e-{i}", at, $"tx-{random.Next(0, 30):D3}", TransactionStage.Authorized, random.Next(1, 5) * 100,
                random.Next(3) == 0 ? "eur" : "EUR", Rrn: $"rrn-{i}");
            var record = TransactionRecord.From($"T-{random.Next(0, 6)}", e);
            var store = new[] { "ST-1", "st-1", "ST-2", "ST-3" }[random.Next(4)];
            return new TrackedTransaction(record, store, new UnsettledVerdict(reasons[random.Next(reasons.Length)], null, false));
        }).ToList();
    }

    /// <summary>The worklist's page as the straightforward way computes it: filter everything, sort everything, skip and take.</summary>
    private static (List<TrackedTransaction> Items, int Total) Reference(UnsettledQuery query, IEnumerable<TrackedTransaction> book)
    {
        var matching = query.Filter(book, Now).ToList();
        var ordered = query.SortBy switch
        {
            UnsettledSort.Newest => matching.OrderByDescending(t => t.Record.AuthorizedAt),
            UnsettledSort.AmountHighest => matching.OrderByDescending(t => t.Record.AmountMinor),
            UnsettledSort.Store => matching.OrderBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase),
            UnsettledSort.Reason => matching.OrderBy(t => t.Verdict.Reason),
            _ => matching.OrderBy(t => t.Record.AuthorizedAt),
        };
        var size = Math.Clamp(query.PageSize, 1, UnsettledQuery.MaxPageSize);
        var page = ordered.ThenBy(t => t.TerminalId, StringComparer.Ordinal).ThenBy(t => t.TransactionId, StringComparer.Ordinal)
            .Skip((Math.Max(1, query.Page) - 1) * size).Take(size).ToList();
        return (page, matching.Count);
    }

    public static TheoryData<UnsettledSort> Sorts() => new(Enum.GetValues<UnsettledSort>());

    [Theory]
    [MemberData(nameof(Sorts))]
    public void Every_page_is_the_one_a_full_sort_gives_ties_included(UnsettledSort sort)
    {
        var book = Book(400, seed: (int)sort);
        foreach (var size in new[] { 1, 7, 50, 1000 })
        {
            for (var page = 0; page <= 400 / size + 2; page++)
            {
                var query = new UnsettledQuery { SortBy = sort, Page = page, PageSize = size };
                var (items, total) = query.Run(book, Now);
                var expected = Reference(query, book);
                Assert.Equal(expected.Total, total);
                Assert.Equal(expected.Items, items);
            }
        }
    }

    [Fact]
    public void Filters_and_duplicates_page_like_the_full_sort()
    {
        var book = Book(300, seed: 42);
        var twice = book.Concat(book.Take(20)).ToList(); // the same row twice: a stable sort keeps arrival order
        var queries = new[]
        {
            new UnsettledQuery { Stores = new HashSet<string>(["st-1"], StringComparer.OrdinalIgnoreCase), PageSize = 10 },
            new UnsettledQuery { Reason = UnsettledReason.NotSettled, SortBy = UnsettledSort.Newest, Page = 2, PageSize = 5 },
            new UnsettledQuery { MinimumAge = TimeSpan.FromMinutes(20), MinimumAmount = 3m, SortBy = UnsettledSort.Store, PageSize = 3 },
            new UnsettledQuery { Search = " tx-00", SortBy = UnsettledSort.Reason, Page = 3, PageSize = 4 },
        };
        foreach (var query in queries)
        {
            var (items, total) = query.Run(twice, Now);
            var expected = Reference(query, twice);
            Assert.Equal(expected.Total, total);
            Assert.Equal(expected.Items, items);
            Assert.Equal(query.Sort(query.Filter(twice, Now)).ToList(), Reference(query with { Page = 1, PageSize = 1000 }, twice).Items);
        }
    }

    [Fact]
    public void Money_at_risk_adds_up_per_currency_whatever_its_spelling_biggest_first()
    {
        var book = Book(500, seed: 7);
        var extra = book.Take(30).Select(t => t with { Record = t.Record with { Currency = "GBP" } });
        var all = book.Concat(extra).ToList();

        var expected = all.Where(t => t.Verdict.IsUnsettled)
            .GroupBy(t => t.Record.Currency, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Sum(t => t.Record.AmountMinor), g.Count()))
            .OrderByDescending(x => x.Item2)
            .ToList();

        Assert.Equal(expected, MoneyAtRisk.ByCurrency(all));
        Assert.Empty(MoneyAtRisk.ByCurrency([]));
    }

    [Fact]
    public void Stage_facts_follow_the_stages_however_they_were_set()
    {
        var at = Now.AddHours(-3);
        TransactionEvent Stage(string id, TransactionStage stage, DateTimeOffset when) => new(id, when, "tx-1", stage, 500, "EUR");

        // Arrived out of order: completed before authorised.
        var record = TransactionRecord.From("T-1", Stage("c", TransactionStage.Completed, at.AddSeconds(40)))
            .With(Stage("a", TransactionStage.Authorized, at))
            .With(Stage("s", TransactionStage.Signed, at.AddSeconds(20)));
        Assert.Equal(at, record.AuthorizedAt);
        Assert.Equal(TransactionStage.Completed, record.LastStage);
        Assert.True(record.Has(TransactionStage.Signed));
        Assert.False(record.IsClosed);
        Assert.True(record.IsFinished);
        Assert.Equal(at.AddSeconds(40), record.At(TransactionStage.Completed));

        // Without an authorisation the first stage stands in; a later reversal outranks a completion.
        var reversed = record with
        {
            Stages = ImmutableArray.Create(new StageMark(TransactionStage.Completed, at.AddMinutes(1), "c"),
                new StageMark(TransactionStage.Reversed, at.AddMinutes(2), "r")),
        };
        Assert.Equal(at.AddMinutes(1), reversed.AuthorizedAt);
        Assert.Equal(TransactionStage.Reversed, reversed.LastStage);
        Assert.True(reversed.IsClosed);
        Assert.False(reversed.Has(TransactionStage.Authorized));
        Assert.Null(reversed.At(TransactionStage.Authorized));
        // The original is untouched by the copy.
        Assert.Equal(at, record.AuthorizedAt);
        Assert.False(record.Has(TransactionStage.Reversed));

        var empty = new TransactionRecord("T-1", "tx-2");
        Assert.False(empty.Has(TransactionStage.Authorized));
        Assert.False(empty.IsClosed);
    }
}
