namespace FleetOps.Web.Api;

public sealed record CreateTerminalRequest(string? TerminalId, string? StoreCode, string? Model, string? SerialNumber);
