namespace FleetOps.Web.Cluster;

/// <summary>
/// The <c>NodeChanges</c> kinds of the in-memory books other than the fleet (whose kinds are in <see cref="ChangeFanOut"/>):
/// one per book, each applied on the other nodes by its <see cref="BookFollower"/>. A node that does not know a kind
/// (an older version during an upgrade) skips it and reads the book whole at its next start.
/// </summary>
public static class BookKinds
{
    public const string Case = "case";
    public const string Alert = "alert";

    /// <summary>Mute windows: few, so the follower re-reads all those in force (a deleted one is then gone too).</summary>
    public const string Mute = "mute";

    /// <summary>Detection thresholds: the follower re-reads the few override rows.</summary>
    public const string Threshold = "threshold";

    public const string WorkOrder = "work-order";
    public const string MaintenancePlan = "maintenance-plan";
    public const string Rollout = "rollout";
    public const string TrainingStaff = "training-staff";
    public const string TrainingSession = "training-session";

    /// <summary>A settlement report's proofs: few not-credited sales, so the follower compares them all with the database.</summary>
    public const string Reconciliation = "reconciliation";
}
