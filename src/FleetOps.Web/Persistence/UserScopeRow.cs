namespace FleetOps.Web.Persistence;

/// <summary>One region or store a user is assigned to.</summary>
public sealed class UserScopeRow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ScopeKind Kind { get; set; }
    public required string Value { get; set; }
}
