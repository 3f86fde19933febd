using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetOps.Core.Wire;

/// <summary>
/// The one timestamp rule of the contract: RFC 3339 with an explicit offset ("Z" or ±hh:mm). A bare local time means a
/// different moment in each store's zone, and .NET's own parsers would read it in the server's zone without a word.
/// </summary>
public static partial class Rfc3339
{
    // [0-9], not \d: .NET's \d also matches full-width and other Unicode digits.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex Pattern();

    /// <summary>Whether the text has the shape of an RFC 3339 timestamp with an offset (not yet whether the date exists).</summary>
    public static bool IsWellFormed(string text) => Pattern().IsMatch(text);

    /// <summary>The moment, when the text is an RFC 3339 timestamp with an offset naming a real date and time.</summary>
    public static bool TryParse(string text, out DateTimeOffset at)
    {
        at = default;
        // RFC 3339 allows lower-case 't' and 'z'; .NET's parser does not.
        return IsWellFormed(text) && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }
}
