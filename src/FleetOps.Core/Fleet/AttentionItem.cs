namespace FleetOps.Core.Fleet;

/// <summary>One reason one terminal needs someone, and since when (null when the reason has no start, e.g. a version).</summary>
public sealed record AttentionItem(TerminalSnapshot Terminal, AttentionReason Reason, DateTimeOffset? Since);
