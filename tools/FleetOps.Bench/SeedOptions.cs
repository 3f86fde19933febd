namespace FleetOps.Bench;

/// <param name="Heartbeats">Heartbeats per terminal over the power horizon (7 days), for the start-up benchmark; 0 writes none.</param>
/// <param name="KeysFile">If given, every terminal's key is written there as <c>terminalId,key</c> (the memory benchmark sends as them).</param>
/// <param name="Offline">The first this many terminals were last heard an hour ago (the alerts benchmark's offline alerts).</param>
/// <param name="BootId">If given, every terminal's boot id: a load generator sending it is not an unexpected reboot.</param>
/// <param name="Postgres">If given, a PostgreSQL connection string to an empty database, seeded instead of the SQLite <paramref name="Database"/>.</param>
public sealed record SeedOptions(string? Database, int Transactions, int Open, int Terminals, int Stores, int Days, int Seed, int Heartbeats = 0,
    string? KeysFile = null, int Offline = 0, string? BootId = null, string? Postgres = null);
