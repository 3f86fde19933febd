namespace FleetOps.Web.Ingestion;

/// <summary>
/// A spell in which the database does not take telemetry (a full disk, a lost connection, its lock held past the
/// timeout), as the event writer saw it: since when, the last failure and its reason, how many requests got 503.
/// Immutable: the writer replaces it at each failure and drops it at the first commit that succeeds; readiness
/// (<see cref="FleetOps.Web.Hosting.DatabaseHealthCheck"/>) reads it from other threads.
/// </summary>
public sealed record WriterOutage(DateTimeOffset Since, DateTimeOffset LastFailureAt, string Reason, long Refused)
{
    /// <summary>
    /// How long after the last failed commit readiness still fails. Bounded, because only a commit can tell that the
    /// database takes telemetry again: a balancer that took the node out sends it nothing, so after this long without a
    /// failure the node says it is ready, terminals come back, and their commits tell. Three times the Retry-After the
    /// terminals get.
    /// </summary>
    public static readonly TimeSpan UnreadyFor = TimeSpan.FromSeconds(15);
}
