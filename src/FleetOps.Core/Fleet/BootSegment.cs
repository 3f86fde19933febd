namespace FleetOps.Core.Fleet;

/// <summary>The span of time one boot of a terminal was seen in heartbeats.</summary>
public sealed record BootSegment(string BootId, DateTimeOffset FirstAt, DateTimeOffset LastAt);
