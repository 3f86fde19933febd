namespace FleetOps.Bench;

/// <param name="Database">A SQLite file to create, or null with <paramref name="PostgresServer"/>.</param>
/// <param name="PostgresServer">A PostgreSQL connection string; a database of its own is created there and dropped after.</param>
/// <param name="Sales">Card sales per terminal and day, each authorised, completed and settled (three events).</param>
public sealed record StorageDayOptions(string? Database, string? PostgresServer, int Terminals, int Sales, int Seed);
