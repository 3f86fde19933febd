namespace FleetOps.Core.Reconciliation;

/// <summary>
/// A report's header read against its layout: where each column sits, or which required columns are missing and which
/// headers the layout does not know (both named in the 400, issue 16). Unknown headers are refused rather than ignored,
/// so that a wrong profile cannot pass silently with a column unread.
/// </summary>
public sealed record HeaderCheck(IReadOnlyDictionary<ReportColumn, int> Positions, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown)
{
    public bool Ok => Missing.Count == 0 && Unknown.Count == 0;

    public static HeaderCheck Of(IReadOnlyList<string> header, ReportLayout layout)
    {
        var byHeader = layout.Headers.ToDictionary(h => h.Value.Trim(), h => h.Key, StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<ReportColumn, int>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0) continue;
            if (byHeader.TryGetValue(name, out var column) && positions.TryAdd(column, i)) continue;
            unknown.Add(name);
        }
        var missing = Enum.GetValues<ReportColumn>()
            .Where(c => !positions.ContainsKey(c) && !ReportLayout.Optional.Contains(c))
            .Select(layout.HeaderOf)
            .ToList();
        if (!positions.ContainsKey(ReportColumn.MerchantId) && !positions.ContainsKey(ReportColumn.TerminalId))
        {
            // Matching needs the acquirer's terminal or merchant: one of the two must be there.
            missing.Add(layout.HeaderOf(ReportColumn.TerminalId));
        }
        return new HeaderCheck(positions, missing, unknown);
    }
}
