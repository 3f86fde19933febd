namespace FleetOps.Web.Fleet;

/// <summary>
/// A registration that would give <see cref="TerminalId"/> the acquirer terminal id <see cref="HeldBy"/> already has
/// under one acquirer (docs/design/decisions.md, "An acquirer terminal id is unique per acquirer"). The messages are the
/// English patterns of <c>Problem.*</c> keys, so the pages and the API's <c>Accept-Language</c> put them into Chinese.
/// The id is quoted: it passed the identifier rule and the card guard before it got here.
/// </summary>
public sealed record AcquirerTerminalIdClash(string Acquirer, string AcquirerTerminalId, string TerminalId, string HeldBy)
{
    /// <summary>For a terminal registered, changed, moved or imported.</summary>
    public string Problem =>
        $"'acquirerTerminalId' '{AcquirerTerminalId}' is already used by terminal '{HeldBy}' under acquirer '{Acquirer}'; an acquirer's terminal ids are unique among terminals in service.";

    /// <summary>For a store whose new acquirer already knows one of its terminals' ids.</summary>
    public string StoreProblem =>
        $"Terminal '{TerminalId}' of this store has 'acquirerTerminalId' '{AcquirerTerminalId}', which terminal '{HeldBy}' already uses under acquirer '{Acquirer}'; an acquirer's terminal ids are unique among terminals in service.";
}
