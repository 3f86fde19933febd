namespace FleetOps.Web.Api;

/// <summary>One wave of a new rollout: <c>{ "stores": [...] }</c> or <c>{ "percent": p }</c> (docs/api.md §7).</summary>
public sealed record WaveRequest(IReadOnlyList<string>? Stores, int? Percent);
