namespace FleetOps.Web.Security;

/// <summary>
/// The least scope a role needs, or the person signs in to an empty fleet that reads as "nothing needs attention": a
/// regional manager sees the stores of their regions, store managers and technicians their stores. More may be given
/// (single stores in addition to regions). One rule for the Users API (<see cref="Api.UserRules"/>) and the user dialog,
/// which marks the field and does not save.
/// </summary>
public static class UserScopeRule
{
    /// <summary>
    /// The missing field ("regions" or "stores", the API's names) and why, in English for the pages to translate
    /// (<c>Problem.*</c>); null when the role has what it needs.
    /// </summary>
    public static (string Field, string Problem)? Missing(string role, int regions, int stores) => role switch
    {
        Roles.RegionalManager when regions == 0 => ("regions", "A regional manager needs at least one region."),
        Roles.StoreManager when stores == 0 => ("stores", "A store manager needs at least one store."),
        Roles.Technician when stores == 0 => ("stores", "A technician needs at least one store."),
        _ => null,
    };
}
