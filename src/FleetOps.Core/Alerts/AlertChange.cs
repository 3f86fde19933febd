namespace FleetOps.Core.Alerts;

/// <summary>An alert as it is after a step, and what the step was.</summary>
public sealed record AlertChange(Alert Alert, AlertTransition Transition);
