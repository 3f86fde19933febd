namespace FleetOps.Web.Components.Alerts;

/// <summary>What the mute dialog asks for: one terminal (or, null, the whole store), how long, and why.</summary>
public sealed record MuteChoice(string? TerminalId, TimeSpan Length, string Reason);
