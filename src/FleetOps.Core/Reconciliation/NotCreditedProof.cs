namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The report that proves a settled sale was not credited (issue 16): it reached <c>CreditWithinDays</c> past the sale's
/// settlement without a credit for it. Shown on the worklist's sale and its case, so the acquirer can be told which of
/// its own reports lacks the credit.
/// </summary>
public sealed record NotCreditedProof(long ReportId, string FileName, string Acquirer, DateOnly FirstBookedOn, DateOnly LastBookedOn, DateOnly SettledOn);
