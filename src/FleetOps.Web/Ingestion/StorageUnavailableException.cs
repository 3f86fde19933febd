namespace FleetOps.Web.Ingestion;

/// <summary>The database could not take the events; the terminal should retry (503 with Retry-After).</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
