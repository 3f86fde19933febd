namespace FleetOps.Core.Transactions;

/// <summary>Money at risk: the sum of unsettled amounts, per currency (amounts in different currencies never add up).</summary>
public static class MoneyAtRisk
{
    /// <summary>Per currency (the first spelling seen names it), biggest amount first; one pass, no grouping machinery.</summary>
    public static IReadOnlyList<(string Currency, long AmountMinor, int Count)> ByCurrency(IEnumerable<TrackedTransaction> unsettled)
    {
        var totals = new List<(string Currency, long AmountMinor, int Count)>(2);
        foreach (var t in unsettled)
        {
            if (!t.Verdict.IsUnsettled) continue;
            var currency = t.Record.Currency;
            var i = 0;
            while (i < totals.Count && !string.Equals(totals[i].Currency, currency, StringComparison.OrdinalIgnoreCase)) i++;
            if (i == totals.Count) totals.Add((currency, 0, 0));
            totals[i] = (totals[i].Currency, checked(totals[i].AmountMinor + t.Record.AmountMinor), checked(totals[i].Count + 1));
        }
        return totals.Count < 2 ? totals : totals.OrderByDescending(c => c.AmountMinor).ToList();
    }
}
