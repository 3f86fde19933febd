namespace FleetOps.Web.Security;

/// <summary>Which standings each <see cref="TokenFilter"/> keeps: one rule for the page and the API.</summary>
public static class TokenFilterRules
{
    public static bool Includes(this TokenFilter filter, TokenStanding standing) => filter switch
    {
        TokenFilter.Valid => standing is TokenStanding.Active or TokenStanding.ExpiresSoon or TokenStanding.OwnerDisabled,
        TokenFilter.Expiring => standing == TokenStanding.ExpiresSoon,
        TokenFilter.OwnerDisabled => standing == TokenStanding.OwnerDisabled,
        TokenFilter.Expired => standing == TokenStanding.Expired,
        TokenFilter.Revoked => standing == TokenStanding.Revoked,
        _ => true,
    };
}
