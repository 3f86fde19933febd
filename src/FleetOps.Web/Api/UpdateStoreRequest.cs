namespace FleetOps.Web.Api;

/// <summary>
/// A store's changeable fields; its code is in the path and never changes. The acquirer's identifiers came later
/// (PROTOCOL §11): left out (null) they stay as they are, so a client written before them cannot erase them; an empty
/// string removes them.
/// </summary>
public sealed record UpdateStoreRequest(string? Name, string? Region, string? TimeZone, string? Acquirer = null, string? MerchantId = null);
