namespace FleetOps.Core.Reconciliation;

/// <summary>
/// A sale taken out of a <see cref="CreditLedger"/>: its status as it stands, and whether a walk's matching
/// (<see cref="CreditLedger.BeginWalk"/>) changed it — then the import stores the new status.
/// </summary>
public readonly record struct LeavingSale(CreditCandidate Sale, CreditStatus Status, bool Changed);
