namespace FleetOps.Bench;

/// <param name="Heartbeats">Heartbeats per terminal over the power horizon (7 days), for the start-up benchmark; 0 writes none.</param>
/// <param name="KeysFile">If given, every terminal's key is written there as <c>terminalId,key</c> (the memory benchmark sends as them).</param>
public sealed record SeedOptions(string Database, int Transactions, int Open, int Terminals, int Stores, int Days, int Seed, int Heartbeats = 0,
    string? KeysFile = null);
