using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Shared;

namespace FleetOps.Web.Components.Transactions;

/// <summary>A chart marker with the success rate of the stores shown before and after it.</summary>
public sealed record MarkerComparison(ChartMarker Marker, SuccessRateComparison Comparison);
