namespace FleetOps.Core.Transactions;

/// <summary>The verdict on one transaction at one moment, and when it should be looked at again.</summary>
public sealed record UnsettledVerdict(UnsettledReason? Reason, DateTimeOffset? NextDeadline, bool SaleLost)
{
    public bool IsUnsettled => Reason is not null;

    /// <summary>Incomplete without a power loss: the procedure was not finished (signature skipped, sale abandoned).</summary>
    public bool OperatorCaused => Reason == UnsettledReason.Incomplete;
}
