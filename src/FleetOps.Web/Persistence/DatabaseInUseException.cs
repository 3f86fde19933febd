namespace FleetOps.Web.Persistence;

/// <summary>Another FleetOps server already runs on this SQLite file (<see cref="SqliteServerLock"/>).</summary>
public sealed class DatabaseInUseException(string database, string lockFile, Exception inner) : Exception(
    $"Another FleetOps server is running on the database {database} (it holds {lockFile}). SQLite serves one server at a time: "
    + "stop the other one first, or run several nodes on PostgreSQL (docs/operations.md, \"Several nodes\"). Nothing was changed.", inner);
