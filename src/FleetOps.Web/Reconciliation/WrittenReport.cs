using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>A committed import: the report, the sales it proved not credited or re-credited, and the stores it has lines of.</summary>
internal sealed record WrittenReport(ReportSummary Report, IReadOnlyList<CreditCandidate> NotCredited, IReadOnlyList<CreditCandidate> ReCredited,
    IReadOnlySet<string> Stores);
