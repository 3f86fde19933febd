namespace FleetOps.Web.Api;

/// <summary>A terminal's changeable fields; a new store code moves it. Its id is in the path and never changes.</summary>
public sealed record UpdateTerminalRequest(string? StoreCode, string? Model, string? SerialNumber);
