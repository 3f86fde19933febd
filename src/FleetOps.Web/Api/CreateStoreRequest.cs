namespace FleetOps.Web.Api;

/// <summary>A new store; <c>acquirer</c> and <c>merchantId</c> are optional (PROTOCOL §11).</summary>
public sealed record CreateStoreRequest(string? Code, string? Name, string? Region, string? TimeZone, string? Acquirer = null, string? MerchantId = null);
