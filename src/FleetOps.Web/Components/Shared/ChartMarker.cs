namespace FleetOps.Web.Components.Shared;

/// <summary>A day marked on a chart's time axis (a training session, issue 15), with what to call it.</summary>
public sealed record ChartMarker(DateOnly Date, string Label);
