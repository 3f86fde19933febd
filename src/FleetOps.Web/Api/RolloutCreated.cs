namespace FleetOps.Web.Api;

/// <summary>The answer to a new rollout: <c>201 { "id" }</c> (docs/api.md §7).</summary>
public sealed record RolloutCreated(long Id);
