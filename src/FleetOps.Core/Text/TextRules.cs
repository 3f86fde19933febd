namespace FleetOps.Core.Text;

/// <summary>
/// The one check every piece of text passes before FleetOps keeps it, whatever door it came in by
/// (telemetry, management API, forms, notes, imports). It is decided before anything is written, so a bad
/// field is that input's rejection and never a storage failure: PostgreSQL refuses NUL in text and
/// unpaired surrogates cannot be encoded, and one such value must not poison a shared group commit.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Returns null when <paramref name="text"/> may be kept, else the reason in words fit for an API error.
    /// <paramref name="multiline"/> allows line breaks and tabs (notes); single-line fields allow no control
    /// characters at all. <paramref name="acquirerIdentifier"/> is for an acquirer's merchant or terminal id only: see
    /// <see cref="CardNumberGuard.ContainsCardNumberInIdentifier"/>.
    /// </summary>
    public static string? Problem(string field, string text, bool multiline = false, bool acquirerIdentifier = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return $"'{field}' is not valid Unicode text (an unpaired surrogate).";
            }
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return $"'{field}' contains a control character (U+{(int)c:X4}), which is not allowed.";
            }
        }
        var cardNumber = acquirerIdentifier ? CardNumberGuard.ContainsCardNumberInIdentifier(text) : CardNumberGuard.ContainsCardNumber(text);
        return cardNumber
            ? $"'{field}' holds a full card number, which is not allowed; use the masked PAN (first 6 and last 4 digits) only."
            : null;
    }
}
