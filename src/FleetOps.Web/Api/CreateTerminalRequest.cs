namespace FleetOps.Web.Api;

/// <summary>A new terminal; <c>acquirerTerminalId</c> is optional (PROTOCOL §11).</summary>
public sealed record CreateTerminalRequest(string? TerminalId, string? StoreCode, string? Model, string? SerialNumber, string? AcquirerTerminalId = null);
