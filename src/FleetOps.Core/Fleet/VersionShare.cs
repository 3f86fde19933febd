namespace FleetOps.Core.Fleet;

/// <summary>How many terminals of a model report one app version.</summary>
public sealed record VersionShare(string Version, int Terminals);
