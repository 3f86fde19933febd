namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A report's per-row errors: all counted, the first <see cref="ReconciliationService.MaxListedErrors"/> by row kept. Rows
/// are judged out of file order (unreadable ones in the first pass, unknown ids day by day in the second), so the kept
/// ones are trimmed to the lowest rows now and then instead of stopping at the first errors seen.
/// </summary>
internal sealed class ReportErrors
{
    private List<ReportLineError> _kept = [];

    public int Count { get; private set; }

    public void Add(int row, string error)
    {
        Count++;
        _kept.Add(new ReportLineError(row, error));
        if (_kept.Count >= 2 * ReconciliationService.MaxListedErrors) Trim();
    }

    /// <summary>The kept errors, lowest row first.</summary>
    public IReadOnlyList<ReportLineError> Listed()
    {
        Trim();
        return _kept;
    }

    private void Trim() => _kept = _kept.OrderBy(e => e.Row).Take(ReconciliationService.MaxListedErrors).ToList();
}
