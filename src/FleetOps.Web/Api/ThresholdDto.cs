namespace FleetOps.Web.Api;

/// <summary>One threshold in <c>/api/v1/settings/detection</c>: the value in force, the configured one, and whether a saved override wins.</summary>
public sealed record ThresholdDto(double Value, double Default, bool Overridden);
