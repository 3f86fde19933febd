using System.Globalization;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// The one parser for list filters and paging (issue 9). Every list endpoint and every export reads its query values
/// through it, so a bad value is a <c>400</c> naming the parameter everywhere — the CSV exports included, which used
/// to ignore what they did not understand and hand back an unfiltered file.
/// </summary>
public sealed class ListFilter
{
    public const int MaxTextLength = 200;

    /// <summary>
    /// The first and last day a date or instant filter may name. Every period FleetOps works out (a plan's next 90 days,
    /// KPI days in a store's zone, weeks from Monday) moves a date on or back, and at the ends of the calendar that throws
    /// (year 9999 + 90 days, midnight of 0001-01-01 east of UTC): the door refuses such dates naming the parameter, so no
    /// list or report has to guard its own arithmetic. A terminal fleet has no business before 2000 or after 2099.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <inheritdoc cref="EarliestDate"/>
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors);

    /// <summary>An enumeration by its wire name (<c>online</c>, <c>not_settled</c>); upper case is forgiven.</summary>
    public T? Enum<T>(string name, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (WireNames.TryParse(value.Trim().ToLowerInvariant(), out T parsed)) return parsed;
        _errors[name] = [$"'{name}' {WireNames.OneOf<T>()}"];
        return null;
    }

    /// <summary>Free text (a search, a model): the same text rules as everything FleetOps keeps.</summary>
    public string? Text(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > MaxTextLength) _errors[name] = [$"'{name}' may be at most {MaxTextLength} characters."];
        else if (TextRules.Problem(name, value) is { } problem) _errors[name] = [problem];
        else return value.Trim();
        return null;
    }

    /// <summary>A comma-separated list (<c>store=SH-001,SH-002</c>); empty items are skipped.</summary>
    public IReadOnlyList<string>? List(string name, string? value)
    {
        var text = Text(name, value);
        if (text is null) return null;
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length > 0) return items;
        _errors[name] = [$"'{name}' lists no values."];
        return null;
    }

    /// <summary>
    /// <c>page</c> (from 1) and <c>pageSize</c> (1 to <paramref name="maxPageSize"/>). Any page is fine: one beyond the end
    /// is empty. Lists take the rows before it from <see cref="PageRequest.Skip"/>, never by multiplying themselves.
    /// </summary>
    public PageRequest Paging(string? page, string? pageSize, int maxPageSize, int defaultPageSize = 50)
    {
        var p = Integer("page", page, 1, int.MaxValue, "'page' is a whole number from 1.") ?? 1;
        var size = Integer("pageSize", pageSize, 1, maxPageSize, $"'pageSize' is a whole number from 1 to {maxPageSize}.") ?? defaultPageSize;
        return new PageRequest(p, size);
    }

    /// <summary>
    /// Exactly one of <paramref name="names"/> (an export's <c>lang</c>: <c>zh-CN</c>, <c>en</c>), case forgiven, as
    /// spelled there; null when not given.
    /// </summary>
    public string? OneOf(string name, string? value, IReadOnlyList<string> names)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (names.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known) return known;
        _errors[name] = [$"'{name}' must be one of: {string.Join(", ", names)}."];
        return null;
    }

    /// <summary>
    /// An IANA time zone id (an export's <c>tz=Europe/London</c>: the viewer's zone, as their browser names it); null
    /// when not given. Windows names are refused: the pages send what <c>Intl</c> reports, and IANA ids are the contract.
    /// </summary>
    public TimeZoneInfo? TimeZone(string name, string? value)
    {
        var text = Text(name, value);
        if (text is null) return null;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId) return zone;
        _errors[name] = [$"'{name}' must be an IANA time zone id such as Asia/Shanghai."];
        return null;
    }

    /// <summary>
    /// The stores a list may show: the caller's scope (null: every store), narrowed by a <c>store=</c> list. A store
    /// outside the scope is left out as if it did not exist, never widening what the caller sees. Listed codes come back
    /// as registered (<c>sh-001</c> → <c>SH-001</c>): lists that filter in the database compare exactly.
    /// </summary>
    public IReadOnlySet<string>? Stores(string? store, AccessScope scope, StoreDirectory stores)
    {
        var allowed = scope.StoreCodes(stores);
        return List("store", store) is { } listed
            ? listed.Select(code => stores.Get(code)?.Code ?? code).Where(code => allowed is null || allowed.Contains(code))
                .ToHashSet(StringComparer.OrdinalIgnoreCase)
            : allowed;
    }

    /// <summary>An instant in ISO 8601 (<c>2026-12-01T09:00:00+08:00</c>; without an offset it is UTC); null when not given.</summary>
    public DateTimeOffset? Instant(string name, string? value)
    {
        var text = Text(name, value);
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            _errors[name] = [$"'{name}' must be a date and time in ISO 8601, such as 2026-12-01T09:00:00+08:00."];
        else if (DateOnly.FromDateTime(at.UtcDateTime) is var day && (day < EarliestDate || day > LatestDate)) _errors[name] = [OutOfRange(name)];
        else return at;
        return null;
    }

    /// <summary>
    /// A <c>from</c>/<c>to</c> pair of instants (<see cref="Instant"/>), either open; <c>to</c> before <c>from</c> is an error
    /// under <c>to</c> rather than an empty list that looks like "nothing happened then".
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Period(string? from, string? to)
    {
        var (start, end) = (Instant("from", from), Instant("to", to));
        if (start is { } first && end is { } last && last < first) Fail("to", "'to' must not be before 'from'.");
        return (start, end);
    }

    /// <summary>A calendar date, <c>2026-12-01</c>; null when not given.</summary>
    public DateOnly? Date(string name, string? value)
    {
        var text = Text(name, value);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            _errors[name] = [$"'{name}' must be a date such as 2026-12-01."];
        else if (date < EarliestDate || date > LatestDate) _errors[name] = [OutOfRange(name)];
        else return date;
        return null;
    }

    /// <summary>The refusal of a date or instant outside <see cref="EarliestDate"/>–<see cref="LatestDate"/>; bodies' timestamps too.</summary>
    internal static string OutOfRange(string name) => string.Create(CultureInfo.InvariantCulture,
        $"'{name}' must be from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd} (UTC for a date and time).");

    /// <summary>Adds an error found by the caller's own rule, under the parameter's name.</summary>
    public void Fail(string name, string message) => _errors[name] = [message];

    private int? Integer(string name, string? value, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
        _errors[name] = [message];
        return null;
    }
}
