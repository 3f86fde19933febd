namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Why a sample report was refused in the profile editor: the same refusals an import makes (too large, unreadable,
/// empty, a full card number with its row), kept as a kind and a row so the page words them in the reader's language.
/// </summary>
public sealed record ReportSampleRefusal(ReportSampleRefusalKind Kind, int Row = 0)
{
    public static ReportSampleRefusal TooLarge { get; } = new(ReportSampleRefusalKind.TooLarge);

    public static ReportSampleRefusal Unreadable { get; } = new(ReportSampleRefusalKind.Unreadable);

    public static ReportSampleRefusal Empty { get; } = new(ReportSampleRefusalKind.Empty);

    public static ReportSampleRefusal CardNumber(int row) => new(ReportSampleRefusalKind.CardNumber, row);

    /// <summary>A full card number refuses the whole sample (it is discarded at once), the others only this read.</summary>
    public bool DiscardsSample => Kind == ReportSampleRefusalKind.CardNumber;
}
