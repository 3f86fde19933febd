namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/mutes</c>: a store (every terminal) or one terminal of it, from when until when, and why.</summary>
public sealed record MuteRequest(string? StoreCode, string? TerminalId, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
