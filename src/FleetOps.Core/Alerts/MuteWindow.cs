namespace FleetOps.Core.Alerts;

/// <summary>
/// A planned quiet time for a store (every terminal in it, <see cref="TerminalId"/> null) or one terminal, e.g. during
/// maintenance: alerts of the subject are still recorded, marked muted, not counted in badges and not notified.
/// </summary>
public sealed record MuteWindow(long Id, string StoreCode, string? TerminalId, DateTimeOffset From, DateTimeOffset Until, string Reason, string CreatedBy)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public bool IsInForce(DateTimeOffset now) => From <= now && now < Until;

    public bool Covers(AlertSubject subject, DateTimeOffset now) =>
        IsInForce(now)
        && string.Equals(subject.StoreCode, StoreCode, StringComparison.OrdinalIgnoreCase)
        && (TerminalId is null || string.Equals(subject.TerminalId, TerminalId, StringComparison.Ordinal));

    /// <summary>
    /// Why a window cannot be kept, or null: it must end after it starts and after <paramref name="now"/> (one already over
    /// would mute nothing, and the list of mutes shows only those not over), and last at most 30 days.
    /// </summary>
    public static string? Problem(DateTimeOffset from, DateTimeOffset until, DateTimeOffset now) =>
        until <= from ? "'until' must be after 'from'."
        : until <= now ? "'until' must be in the future: a mute that is already over would mute nothing."
        : until - from > Longest ? $"A mute lasts at most {Longest.TotalDays:0} days."
        : null;
}
