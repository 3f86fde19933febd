using System.Globalization;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Text;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// Reads the rows of a report whose header passed <see cref="HeaderCheck"/>, one at a time (the import streams). Every
/// field passes <see cref="TextRules"/> first — the one card guard — before anything about it is believed. An import
/// passes the <paramref name="bookingDays"/> it accepts; without them (a profile's sample preview, which may be an old
/// report) any date that reads is taken.
/// </summary>
public sealed class ReportRowReader(ReportLayout layout, HeaderCheck header, BookingDays? bookingDays = null)
{
    private const int MaxField = 64;

    /// <summary>
    /// The largest amount or fee a line may carry: the telemetry's limit for a sale (10^12 minor units), so a line above it
    /// could never match one, and a day's totals of lines never overflow.
    /// </summary>
    public const long MaxAmountMinor = EventParser.MaxAmountMinor;

    public RowOutcome Read(int row, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var text = fields[i] ?? "";
            if (text.Length > 4 * MaxField) return new RowOutcome(row, null, $"column {i + 1} is longer than {4 * MaxField} characters.");
            // The acquirer's ids are 15-digit merchant ids and 8-digit terminal ids: the guard reads them as identifiers.
            var identifier = IsIdentifierAt(i);
            if (TextRules.Problem(NameAt(i), text, acquirerIdentifier: identifier) is { } problem)
            {
                var card = identifier ? CardNumberGuard.ContainsCardNumberInIdentifier(text) : CardNumberGuard.ContainsCardNumber(text);
                return new RowOutcome(row, null, problem, HoldsCardNumber: card);
            }
        }
        var errors = new List<string>();
        var date = Field(fields, ReportColumn.Date);
        if (!DateOnly.TryParseExact(date, layout.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var bookedOn))
        {
            errors.Add($"'{Header(ReportColumn.Date)}' must be a date written {layout.DateFormat}.");
        }
        else if (bookingDays?.Problem(Header(ReportColumn.Date), bookedOn) is { } dateProblem)
        {
            errors.Add(dateProblem);
        }
        var currency = Field(fields, ReportColumn.Currency).ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) errors.Add($"'{Header(ReportColumn.Currency)}' must be a three-letter ISO 4217 code.");
        var amount = Amount(fields, ReportColumn.AmountMinor, currency, errors, required: true);
        var fee = Amount(fields, ReportColumn.FeeMinor, currency, errors, required: false);
        if (!layout.TryType(Field(fields, ReportColumn.Type), out var type)) errors.Add(TypeProblem());
        var merchant = Field(fields, ReportColumn.MerchantId);
        var terminal = Field(fields, ReportColumn.TerminalId);
        if (merchant.Length == 0 && terminal.Length == 0) errors.Add($"'{Header(ReportColumn.TerminalId)}' or '{Header(ReportColumn.MerchantId)}' is needed to find the sale.");
        var rrn = Field(fields, ReportColumn.Rrn);
        if (rrn.Length == 0) errors.Add($"'{Header(ReportColumn.Rrn)}' must not be empty.");
        foreach (var (column, value) in new[] { (ReportColumn.MerchantId, merchant), (ReportColumn.TerminalId, terminal), (ReportColumn.Rrn, rrn) })
        {
            if (value.Length > MaxField) errors.Add($"'{Header(column)}' is longer than {MaxField} characters.");
        }
        if (errors.Count > 0) return new RowOutcome(row, null, string.Join(" ", errors));
        return new RowOutcome(row, new SettlementItem(row, bookedOn, merchant, terminal, rrn, Optional(fields, ReportColumn.AuthCode),
            amount, currency, Optional(fields, ReportColumn.MaskedPan), type, fee), null);
    }

    private long Amount(IReadOnlyList<string?> fields, ReportColumn column, string currency, List<string> errors, bool required)
    {
        var text = Field(fields, column);
        if (text.Length == 0 && !required) return 0;
        if (layout.AmountsInMajorUnits)
        {
            var decimals = Money.Exponent(currency);
            var parsed = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major);
            // Digits too many for a decimal are a number too, only too large: say so, not "at most 2 decimals".
            if (parsed ? major > Money.ToMajor(MaxAmountMinor, currency) : IsNumber(text, point: true))
                errors.Add($"'{Header(column)}' is too large: at most {Money.MajorUnits(MaxAmountMinor, currency)}.");
            else if (parsed && decimal.Round(major, decimals) == major) return Money.ToMinor(major, currency);
            else errors.Add($"'{Header(column)}' must be a non-negative amount with at most {decimals} decimals.");
            return 0;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) && minor <= MaxAmountMinor) return minor;
        errors.Add(IsNumber(text, point: false)
            ? $"'{Header(column)}' is too large: at most {MaxAmountMinor.ToString(CultureInfo.InvariantCulture)} minor units."
            : $"'{Header(column)}' must be a non-negative whole number of minor units.");
        return 0;
    }

    /// <summary>Digits, with at most one decimal point when <paramref name="point"/>: what only its size can make a bad amount.</summary>
    private static bool IsNumber(string text, bool point) =>
        text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || (point && c == '.')) && text.Count(c => c == '.') <= 1;

    /// <summary>
    /// What the type column may say: the profile's own words (in any letter case, <see cref="ReportLayout.TryType"/>) and
    /// the wire names, which every layout reads too; the generic format's message when the profile has no words.
    /// </summary>
    private string TypeProblem()
    {
        var column = Header(ReportColumn.Type);
        if (layout.TypeWords is not { Count: > 0 } words) return $"'{column}' {WireNames.OneOf<SettlementItemType>()}";
        var (own, wire) = (string.Join(", ", words.Keys), string.Join(", ", WireNames.Names<SettlementItemType>()));
        return $"'{column}' must be one of the profile's words, in any letter case: {own}; or one of: {wire}.";
    }

    private string Field(IReadOnlyList<string?> fields, ReportColumn column) =>
        header.Positions.TryGetValue(column, out var at) && at < fields.Count ? (fields[at] ?? "").Trim() : "";

    private string? Optional(IReadOnlyList<string?> fields, ReportColumn column) => Field(fields, column) is { Length: > 0 } text ? text : null;

    private string Header(ReportColumn column) => layout.HeaderOf(column);

    private bool IsIdentifierAt(int position) =>
        header.Positions.Any(p => p.Value == position && p.Key is ReportColumn.MerchantId or ReportColumn.TerminalId);

    private string NameAt(int position) =>
        header.Positions.Where(p => p.Value == position).Select(p => Header(p.Key)).FirstOrDefault() ?? $"column {position + 1}";
}
