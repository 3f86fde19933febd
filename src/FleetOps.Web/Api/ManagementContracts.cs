namespace FleetOps.Web.Api;

public sealed record CreateStoreRequest(string? Code, string? Name, string? Region, string? TimeZone);

public sealed record StoreDto(string Code, string Name, string Region, string TimeZone);

public sealed record CreateTerminalRequest(string? TerminalId, string? StoreCode, string? Model, string? SerialNumber);

public sealed record CreatedTerminal(string TerminalId, string Key);

public sealed record SoftwareTargetRequest(string? AppVersion, string? FirmwareVersion, string? MinimumAppVersion);

public sealed record SoftwareTargetDto(string Model, string AppVersion, string FirmwareVersion, string? MinimumAppVersion);
