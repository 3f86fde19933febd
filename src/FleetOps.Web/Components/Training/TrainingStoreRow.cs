using FleetOps.Core.Fleet;
using FleetOps.Core.Training;

namespace FleetOps.Web.Components.Training;

/// <summary>One store on the training overview: its compliance today, its operator-caused failures in 30 days, whether
/// training is recommended there, and its latest session (for the before/after figures).</summary>
public sealed record TrainingStoreRow(StoreInfo Store, ComplianceTally Tally, int OperatorFailures, bool Recommended, TrainingSession? LastSession)
{
    /// <summary>Whether anyone at the store stands in <paramref name="status"/> (the page's status filter).</summary>
    public bool Has(TrainingStatus status) => status switch
    {
        TrainingStatus.Current => Tally.Current > 0,
        TrainingStatus.DueSoon => Tally.DueSoon > 0,
        TrainingStatus.Overdue => Tally.Overdue > 0,
        _ => Tally.NeverTrained > 0,
    };
}
