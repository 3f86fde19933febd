namespace FleetOps.Web.Api;

/// <summary>One person of a session: the items they completed, whether that trained them (every required item) and whether they signed.</summary>
public sealed record AttendeeDto(long StaffId, IReadOnlyList<string> CompletedItems, bool Trained, bool Signed);
