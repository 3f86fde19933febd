namespace FleetOps.Web.Maintenance;

/// <summary>Why a maintenance command did nothing: 400, 403, 404, 409 or 422 at the API.</summary>
public enum MaintenanceError
{
    None,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    Incomplete,
}
