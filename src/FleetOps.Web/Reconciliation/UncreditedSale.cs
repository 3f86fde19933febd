namespace FleetOps.Web.Reconciliation;

/// <summary>
/// What FleetOps itself recorded of a sale no report credited: the money missing and the references the acquirer's desk
/// traces a sale by. A report line has these for every other exception; for this one only the terminal told them.
/// </summary>
public sealed record UncreditedSale(long AmountMinor, string Currency, string? Rrn, string? AuthCode);
