namespace FleetOps.Web.Rollouts;

/// <summary>Why a rollout command did nothing: 400, 404 or 409 at the API.</summary>
public enum RolloutError
{
    None,
    Invalid,
    NotFound,
    Conflict,
}
