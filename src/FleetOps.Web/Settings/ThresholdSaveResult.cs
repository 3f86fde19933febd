namespace FleetOps.Web.Settings;

/// <summary>
/// What a save did: nothing and why (<see cref="Errors"/> by the API's field name), or the values now in force.
/// </summary>
public sealed record ThresholdSaveResult(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<ThresholdValue> Values)
{
    public bool Saved => Errors.Count == 0;
}
