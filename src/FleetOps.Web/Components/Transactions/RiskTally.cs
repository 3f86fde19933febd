using FleetOps.Core.Transactions;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Money at risk being added up, per currency, one transaction at a time — so a page can total the scope, each store,
/// each region and each terminal in one pass over the book instead of one pass per figure (docs/benchmarks.md).
/// </summary>
public sealed class RiskTally
{
    private readonly List<(string Currency, long AmountMinor, int Count)> _currencies = new(2);

    public int Count { get; private set; }

    public void Add(TransactionRecord record) => Add(record.Currency, record.AmountMinor, 1);

    public void Add(RiskTally other)
    {
        foreach (var (currency, amount, count) in other._currencies) Add(currency, amount, count);
    }

    /// <summary>Adds (or, with negative figures, takes back) an amount of one currency.</summary>
    public void Add(string currency, long amountMinor, int count)
    {
        var i = 0;
        while (i < _currencies.Count && !string.Equals(_currencies[i].Currency, currency, StringComparison.OrdinalIgnoreCase)) i++;
        if (i == _currencies.Count) _currencies.Add((currency, 0, 0));
        _currencies[i] = (_currencies[i].Currency, checked(_currencies[i].AmountMinor + amountMinor), checked(_currencies[i].Count + count));
        Count = checked(Count + count);
    }

    /// <summary>The totals, biggest currency first (as <see cref="MoneyAtRisk.ByCurrency"/> orders them).</summary>
    public RiskTotals ToTotals() => Count == 0
        ? RiskTotals.None
        : new RiskTotals(_currencies.Where(c => c.Count > 0).OrderByDescending(c => c.AmountMinor)
            .Select(c => new CurrencyRisk(c.Currency, c.AmountMinor, c.Count)).ToList());
}
