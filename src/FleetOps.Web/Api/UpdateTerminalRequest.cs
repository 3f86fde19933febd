namespace FleetOps.Web.Api;

/// <summary>
/// A terminal's changeable fields; a new store code moves it. Its id is in the path and never changes. The acquirer's
/// terminal id, left out (null), stays as it is; an empty string removes it (see <see cref="UpdateStoreRequest"/>).
/// </summary>
public sealed record UpdateTerminalRequest(string? StoreCode, string? Model, string? SerialNumber, string? AcquirerTerminalId = null);
