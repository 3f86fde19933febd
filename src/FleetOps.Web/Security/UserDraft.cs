namespace FleetOps.Web.Security;

public sealed record UserDraft(string Email, string DisplayName, string Role, IReadOnlyCollection<string> Regions, IReadOnlyCollection<string> Stores);
