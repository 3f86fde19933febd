using FleetOps.Core.Text;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The last guard before a problem leaves: a refusal that quotes what was sent ("There is no store '…'", "There is no user
/// '…'") must not hand a full card number back, where proxies, clients and their logs keep it. Most refusals check the
/// text rule before they quote; this catches the ones that do not. A <c>detail</c> or an error message holding a card
/// number is replaced by the text rule's own refusal for the field it is about (the problem's <c>field</c>, the error's
/// key, else <c>request</c>), so the caller still learns what to fix.
/// </summary>
public static class EchoedCardNumbers
{
    public static void Remove(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var field = problem.Extensions.TryGetValue("field", out var named) && named is string name ? name : "request";
        if (problem.Detail is { } detail && CardNumberProblem(field, detail) is { } replaced) problem.Detail = replaced;
        // Lists of named values (a 422's problems: [{ item, reason }]) quote what was sent too.
        foreach (var entry in problem.Extensions.Values.OfType<IEnumerable<IDictionary<string, string>>>().SelectMany(list => list))
        {
            foreach (var (key, value) in entry.ToList())
            {
                if (CardNumberProblem(key, value) is { } cleaned) entry[key] = cleaned;
            }
        }
        if (problem is not HttpValidationProblemDetails validation) return;
        foreach (var (key, messages) in validation.Errors)
        {
            for (var i = 0; i < messages.Length; i++)
            {
                if (CardNumberProblem(key, messages[i]) is { } message) messages[i] = message;
            }
        }
    }

    /// <summary>The text rule's refusal when <paramref name="message"/> quotes a card number; null when it quotes none.</summary>
    private static string? CardNumberProblem(string field, string message) =>
        CardNumberGuard.ContainsCardNumber(message) ? TextRules.Problem(SafeName(field), message) : null;

    /// <summary>A field name is repeated only when it holds no card number itself (a JSON path can carry a dictionary key).</summary>
    private static string SafeName(string field) => CardNumberGuard.ContainsCardNumber(field) ? "request" : field;
}
