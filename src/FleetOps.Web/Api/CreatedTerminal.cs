namespace FleetOps.Web.Api;

public sealed record CreatedTerminal(string TerminalId, string Key);
