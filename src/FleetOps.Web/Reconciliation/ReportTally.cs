using FleetOps.Core.Reconciliation;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>A report's figures as its lines are matched: in total, and per store and currency (the scoped view).</summary>
internal sealed class ReportTally
{
    private readonly Dictionary<(string Store, string Currency), ReportStoreTallyRow> _byStore = [];

    public int Rows { get; set; }

    public int Errors { get; set; }

    public ReportStoreTallyRow Total { get; } = new() { StoreCode = "", Currency = "" };

    public IReadOnlySet<string> Stores => _byStore.Keys.Select(k => k.Store).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Add(string store, ItemMatch match)
    {
        var key = (store, match.Item.Currency);
        if (!_byStore.TryGetValue(key, out var row)) _byStore[key] = row = new ReportStoreTallyRow { StoreCode = store, Currency = match.Item.Currency };
        Count(row, match);
        Count(Total, match);
    }

    public IEnumerable<ReportStoreTallyRow> StoreRows(long reportId)
    {
        foreach (var row in _byStore.Values)
        {
            row.ReportId = reportId;
            yield return row;
        }
    }

    private static void Count(ReportStoreTallyRow row, ItemMatch match)
    {
        row.Rows++;
        switch (match.Kind)
        {
            case MatchKind.Credited: row.Matched++; break;
            case MatchKind.CreditedWithoutSale: row.CreditedWithoutSale++; break;
            case MatchKind.AmountMismatch: row.AmountMismatches++; break;
            case MatchKind.DuplicateCredit or MatchKind.DuplicateRow: row.Duplicates++; break;
            default: row.Debits++; break;
        }
        if (match.Kind == MatchKind.DuplicateRow) return; // counted once, never moves money twice
        if (match.Item.Type == SettlementItemType.Sale) row.CreditedMinor += match.Item.AmountMinor;
        else row.DebitedMinor += match.Item.AmountMinor;
        row.FeeMinor += match.Item.FeeMinor;
    }
}
