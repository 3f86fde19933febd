namespace FleetOps.Web.Api;

/// <summary>A wave's progress (docs/api.md §7), plus how it was chosen and when it started (FleetOps additions).</summary>
public sealed record WaveDto(int Terminals, int Installed, int Failed, int Pending, IReadOnlyList<string>? Stores, int? Percent, DateTimeOffset? StartedAt);
