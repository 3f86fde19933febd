using FleetOps.Web.Api;
namespace FleetOps.Web.Reconciliation;

/// <summary>An acquirer's fees in one currency: the total and per credited sale, in minor units.</summary>
public sealed record AcquirerFeesDto(string Currency, long TotalMinor, long PerSaleMinor);
