namespace FleetOps.Simulator;

/// <summary>A registered terminal the simulator impersonates; <paramref name="Key"/> is the secret issued at registration.</summary>
public sealed record SimulatedTerminal(string TerminalId, string StoreCode, string Model, string Key);
