using FleetOps.Core.Detection;

namespace FleetOps.Web.Settings;

/// <summary>One threshold as the API and the settings page show it: the value in force, the configured one, and whether a saved override wins.</summary>
public sealed record ThresholdValue(ThresholdSetting Setting, double Value, double Configured, bool Overridden);
