using FleetOps.Core.Training;

namespace FleetOps.Web.Api;

/// <summary>A person on a store's roster; <c>leftOn</c> is null while they work there.</summary>
public sealed record StaffDto(long Id, string StoreCode, string Name, string Role, DateOnly StartedOn, DateOnly? LeftOn)
{
    public static StaffDto From(StaffMember s) => new(s.Id, s.StoreCode, s.Name, s.Role, s.StartedOn, s.LeftOn);
}
