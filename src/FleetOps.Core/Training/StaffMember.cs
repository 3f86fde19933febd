namespace FleetOps.Core.Training;

/// <summary>
/// A person on a store's roster (no login: staff are not users). <see cref="LeftOn"/> is set when they leave; they stay on
/// the roster with their history, but only people still employed count in compliance.
/// </summary>
public sealed record StaffMember(long Id, string StoreCode, string Name, string Role, DateOnly StartedOn, DateOnly? LeftOn = null)
{
    public bool HasLeft => LeftOn is not null;

    /// <summary>Whether the person still worked at the store on <paramref name="day"/> (the day they left included).</summary>
    public bool WorkedOn(DateOnly day) => LeftOn is not { } left || day <= left;
}
