namespace FleetOps.Web.Api;

/// <summary>One person of a session: the items they completed and whether that trained them (every required item).</summary>
public sealed record AttendeeDto(long StaffId, IReadOnlyList<string> CompletedItems, bool Trained);
