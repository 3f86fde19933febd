using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FleetOps.Web.Localization;

/// <summary>
/// English messages of the services in the reader's language: the case trail, rule refusals, and — the one place an API
/// problem's <c>detail</c> is put into the caller's language — (PROTOCOL.md §10): <c>type</c> and
/// <c>title</c> stay English for machines; <c>detail</c> follows <c>Accept-Language</c> (English when it names neither
/// language, since an API client that did not ask reads the contract's language). Endpoints keep writing English
/// details; each <c>Problem.*</c> key of <see cref="UiText"/> is an English detail pattern with numbered placeholders
/// (<c>A store with code '{0}' already exists.</c>), and a detail that matches one is rewritten from the Chinese
/// pattern with the same values. A detail no pattern matches stays English.
/// </summary>
public static partial class ProblemDetailText
{
    /// <summary>Problem.Reason.* are clauses inside a detail (why a version cannot be ordered), not details of their own.</summary>
    private static readonly EnglishPatterns Patterns = new("Problem.", codesAreNames: false, clauses: new("Problem.Reason.", codesAreNames: false));

    public static void Localize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not { Length: > 0 } detail) return;
        var language = new BrowserCultureProvider().DetermineProviderCultureResult(context.HttpContext).Result?.Cultures[0].Value;
        if (language is not null && SupportedCultures.Find(language.ToString()) is { } culture) context.ProblemDetails.Detail = Translate(detail, culture);
    }

    /// <summary>The detail in <paramref name="culture"/>; unchanged for English or when no pattern matches.</summary>
    public static string Translate(string detail, CultureInfo culture)
    {
        if (!SupportedCultures.IsChinese(culture)) return detail;
        // A report row's errors come joined ("'date' must be a date written dd/MM/yyyy. 'rrn' must not be empty."): each
        // is matched on its own, else the first pattern's last placeholder swallows the sentences after it.
        var sentences = SentenceBreak().Split(detail);
        if (sentences.Length == 1) return Patterns.Match(detail, culture) ?? detail;
        var read = sentences.Select(s => Patterns.Match(s, culture) ?? s).ToList();
        // A sentence left in English keeps the space after its full stop; Chinese ones end in "。" and need none.
        return string.Concat(read.Select((s, i) => i < read.Count - 1 && s.EndsWith('.') ? s + " " : s));
    }

    /// <summary>Between two sentences of the row reader: a full stop, a space, then the next field's quote.</summary>
    [GeneratedRegex(@"(?<=\.) (?=')")]
    private static partial Regex SentenceBreak();
}
