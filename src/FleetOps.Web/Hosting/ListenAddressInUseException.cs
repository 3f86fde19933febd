namespace FleetOps.Web.Hosting;

/// <summary>Another process already listens on an address this server is to listen on (<see cref="ListenAddresses"/>).</summary>
public sealed class ListenAddressInUseException(string address, Exception inner) : Exception(
    $"Another process is listening on {address}: stop it, or give this server another address (--urls). Nothing was changed.", inner);
