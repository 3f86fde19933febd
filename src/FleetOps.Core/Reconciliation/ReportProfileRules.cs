using System.Globalization;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// What a saved column-mapping profile must be (issue 16): every required generic column mapped (a profile that leaves
/// one out could never read a report, so it is refused naming them, not saved to fail at import), each header used once,
/// a date format that writes and reads back a date, type words that name a type. Errors are keyed by the API's field
/// names, in the shape of a validation problem.
/// </summary>
public static class ReportProfileRules
{
    private const int MaxHeader = 64;

    /// <summary>The columns a profile must map; of merchant and terminal id at least one (<see cref="HeaderCheck"/>'s rule).</summary>
    public static IReadOnlyList<ReportColumn> Required { get; } =
        Enum.GetValues<ReportColumn>().Where(c => !ReportLayout.Optional.Contains(c)).ToList();

    public static (ReportLayout? Layout, Dictionary<string, string[]> Errors) Check(ReportProfileDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var headers = new Dictionary<ReportColumn, string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, header) in draft.Columns ?? new Dictionary<string, string>())
        {
            var field = $"columns.{key}";
            // A key the text rule refuses is not quoted back, not even in the error's field name.
            if (TextRules.Problem("columns", key) is { } keyProblem) errors["columns"] = [keyProblem];
            else if (!WireNames.TryParse<ReportColumn>(key, out var column))
                errors[field] = [$"'{key}' is not a column of the generic format: {WireNames.OneOf<ReportColumn>()}"];
            else if (string.IsNullOrWhiteSpace(header)) continue; // an optional column left blank is not mapped
            else if (TextRules.Problem(field, header) is { } problem) errors[field] = [problem];
            else if (header.Trim().Length > MaxHeader) errors[field] = [$"'{field}' is longer than {MaxHeader} characters."];
            else if (!seen.Add(header.Trim())) errors[field] = [$"'{field}': the header '{header.Trim()}' already names another column."];
            else headers[column] = header.Trim();
        }
        var missing = Required.Where(c => !headers.ContainsKey(c)).Select(c => c.ToWire()).ToList();
        if (!headers.ContainsKey(ReportColumn.MerchantId) && !headers.ContainsKey(ReportColumn.TerminalId))
            missing.Add($"{ReportColumn.TerminalId.ToWire()}/{ReportColumn.MerchantId.ToWire()}"); // either one: a slash reads the same in every language
        if (missing.Count > 0)
            errors["columns"] = [.. errors.GetValueOrDefault("columns") ?? [], $"The profile must map every required column; missing: {string.Join(", ", missing)}."];

        var dateFormat = string.IsNullOrWhiteSpace(draft.DateFormat) ? ReportLayout.Generic.DateFormat : draft.DateFormat.Trim();
        // The rule first: a format is kept, and "yyyy-MM-dd 4111111111111111" writes and reads back a date.
        if (TextRules.Problem("dateFormat", dateFormat) is { } formatProblem) errors["dateFormat"] = [formatProblem];
        else if (!ReadsBack(dateFormat)) errors["dateFormat"] = [$"'dateFormat' must write a whole date that reads back (e.g. yyyy-MM-dd, yyyyMMdd, dd/MM/yyyy)."];

        var words = new Dictionary<string, SettlementItemType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, type) in draft.TypeWords ?? new Dictionary<string, string>())
        {
            var field = $"typeWords.{word}";
            if (TextRules.Problem("typeWords", word) is { } wordProblem) errors["typeWords"] = [wordProblem]; // not quoted back in the field name
            else if (string.IsNullOrWhiteSpace(word) || word.Trim().Length > MaxHeader)
                errors[field] = [$"A type word must be a short text of at most {MaxHeader} characters."];
            else if (!WireNames.TryParse<SettlementItemType>(type, out var itemType)) errors[field] = [$"'{field}' {WireNames.OneOf<SettlementItemType>()}"];
            else words[word.Trim()] = itemType;
        }
        if (errors.Count > 0) return (null, errors);
        return (new ReportLayout(draft.Name, headers, dateFormat, draft.AmountsInMajorUnits, words.Count == 0 ? null : words), errors);
    }

    /// <summary>A format is usable when a day written with it reads back as the same day (it holds year, month and day).</summary>
    private static bool ReadsBack(string format)
    {
        if (format.Length > 32) return false;
        // Not this year: a format without a year reads back as the current year and must fail.
        var day = new DateOnly(1999, 8, 27);
        try
        {
            var text = day.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == day;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
