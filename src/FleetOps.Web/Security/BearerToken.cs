namespace FleetOps.Web.Security;

/// <summary>
/// The token of an <c>Authorization: Bearer …</c> header. Terminal keys and API tokens arrive the same way; which
/// one a request may use is decided by the scheme its endpoint asks for, never by the shape of the token.
/// </summary>
public static class BearerToken
{
    /// <summary>Longer values are no key or token FleetOps issued; refusing them caps the work spent hashing.</summary>
    public const int MaxLength = 512;

    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[prefix.Length..].Trim();
        return token.Length is > 0 and <= MaxLength ? token : null;
    }
}
