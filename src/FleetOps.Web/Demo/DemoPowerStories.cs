namespace FleetOps.Web.Demo;

/// <summary>What the demo's power backlog wrote and where its stories are, for the alert stories told on top of them.</summary>
public sealed record DemoPowerStories(int Accepted, int Duplicates, string? UnstableTerminal, string? WeakBatteryTerminal, string? OutageStore);
