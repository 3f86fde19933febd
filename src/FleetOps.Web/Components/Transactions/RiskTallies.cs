using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Money at risk of some stores, from the book's running totals (<see cref="TransactionBook.Summary"/>) — time in
/// proportion to stores and terminals, not to the open sales a chain may hold — with the cases resolved by hand taken
/// back out one by one (they are few). Every page that shows money at risk reads it from here.
/// </summary>
public sealed class RiskTallies
{
    private RiskTallies(UnsettledSummary summary) => Summary = summary;

    public UnsettledSummary Summary { get; }
    public RiskTally Totals { get; } = new();
    public int[] Reasons { get; } = new int[Enum.GetValues<UnsettledReason>().Length];

    /// <summary>Per store (stores whose every payment was resolved by hand are left out).</summary>
    public Dictionary<string, RiskTally> PerStore { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Unsettled batches per terminal.</summary>
    public Dictionary<string, RiskTally> Overdue { get; } = new(StringComparer.Ordinal);

    public static RiskTallies From(TransactionBook book, IReadOnlySet<string>? stores, CaseBook? cases)
    {
        var tallies = new RiskTallies(book.Summary(stores));
        foreach (var cell in tallies.Summary.Risk) tallies.Add(cell.StoreCode, null, cell.Currency, cell.AmountMinor, cell.Count, cell.Reason);
        foreach (var cell in tallies.Summary.Overdue) TallyOf(tallies.Overdue, cell.TerminalId).Add(cell.Currency, cell.AmountMinor, cell.Count);
        foreach (var resolved in cases?.All.Where(c => c.IsResolved && (stores is null || stores.Contains(c.StoreCode))) ?? [])
        {
            if (book.Get(resolved.TerminalId, resolved.TransactionId) is not { Verdict.Reason: { } reason } t || t.Record.IsClosed) continue;
            tallies.Add(t.StoreCode, t.TerminalId, t.Record.Currency, -t.Record.AmountMinor, -1, reason);
        }
        foreach (var empty in tallies.PerStore.Where(s => s.Value.Count == 0).Select(s => s.Key).ToList()) tallies.PerStore.Remove(empty);
        return tallies;
    }

    /// <summary>Money at risk per region (and how many of its stores have some), biggest first.</summary>
    public List<RegionRisk> Regions(FleetOps.Core.Fleet.StoreDirectory stores) =>
        PerStore.GroupBy(s => stores.Get(s.Key)?.Region ?? "—", StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var region = new RiskTally();
                foreach (var (_, tally) in g) region.Add(tally);
                return new RegionRisk(g.Key, g.Count(), region.ToTotals());
            })
            .OrderByDescending(r => r.Risk.LargestAmount).ThenBy(r => r.Region, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <param name="terminalId">Only to take a resolved batch sale off its terminal's overdue figure.</param>
    private void Add(string storeCode, string? terminalId, string currency, long amountMinor, int count, UnsettledReason reason)
    {
        Totals.Add(currency, amountMinor, count);
        TallyOf(PerStore, storeCode).Add(currency, amountMinor, count);
        Reasons[(int)reason] = checked(Reasons[(int)reason] + count);
        if (terminalId is not null && reason is UnsettledReason.NotSettled or UnsettledReason.AuthorizationExpiring)
        {
            TallyOf(Overdue, terminalId).Add(currency, amountMinor, count);
        }
    }

    private static RiskTally TallyOf(Dictionary<string, RiskTally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new RiskTally();
        return tally;
    }
}
