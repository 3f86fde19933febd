namespace FleetOps.Web.Fleet;

public sealed record RegisteredTerminal(string TerminalId, string Key);
