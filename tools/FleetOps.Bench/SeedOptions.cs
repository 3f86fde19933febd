namespace FleetOps.Bench;

/// <param name="Heartbeats">Heartbeats per terminal over the power horizon (7 days), for the start-up benchmark; 0 writes none.</param>
public sealed record SeedOptions(string Database, int Transactions, int Open, int Terminals, int Stores, int Days, int Seed, int Heartbeats = 0);
