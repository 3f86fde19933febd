namespace FleetOps.Core.Text;

/// <summary>
/// <see cref="TextRules"/> at the door of a service: every service that stores text people typed (registry, users,
/// tokens) calls <see cref="Ensure"/> before it writes, so a page and the API cannot disagree about what may be kept.
/// </summary>
public static class KeptText
{
    /// <summary>Throws <see cref="RefusedTextException"/> when <paramref name="text"/> may not be kept; null is fine.</summary>
    public static void Ensure(string field, string? text, bool multiline = false, bool acquirerIdentifier = false)
    {
        if (text is not null && TextRules.Problem(field, text, multiline, acquirerIdentifier) is { } problem) throw new RefusedTextException(field, problem);
    }
}
