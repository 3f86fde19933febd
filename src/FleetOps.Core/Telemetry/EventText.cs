using System.Runtime.InteropServices;
using System.Text.Json;
using FleetOps.Core.Text;

namespace FleetOps.Core.Telemetry;

/// <summary>
/// Every text of an event — each property name and string value at any depth, known field or not, and the raw text of
/// each number — must pass <see cref="TextRules"/> (well-formed Unicode, no control characters, no full card number)
/// before the event is looked at further. An unpaired surrogate escape or invalid UTF-8 makes System.Text.Json throw
/// <see cref="InvalidOperationException"/> when the text is read; here that becomes the event's rejection, not a 500.
/// </summary>
internal static class EventText
{
    private const int MaxPathInMessage = 64;

    /// <summary>
    /// The reason the first bad text of the event is refused, or null when all may be kept. A top-level field that
    /// <paramref name="exempt"/> names is not looked at beyond its name.
    /// </summary>
    public static string? FirstProblem(EventFields fields, Func<string, JsonElement, bool> exempt)
    {
        if (RepeatedNames.First(fields.All, f => f.Name) is { } repeated) return RepeatedNames.Problem(repeated, "the event");
        foreach (var (name, value) in fields.All)
        {
            var nameProblem = name is null ? NotUnicode(TopLevelName) : TextRules.Problem(TopLevelName, name);
            if (nameProblem is not null) return nameProblem;
            if (exempt(name!, value)) continue;
            var found = Walk(value, Shorten(name!));
            if (found is not null) return found;
        }
        return null;
    }

    private const string TopLevelName = "(a field name)";

    /// <summary>
    /// The string value of <paramref name="name"/>, or null when it is missing, not a string, or not well-formed. Safe
    /// before the walk: names that cannot be read were left out of <paramref name="fields"/>' lookups.
    /// </summary>
    public static string? StringProperty(EventFields fields, string name) =>
        fields.TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? ReadString(value) : null;

    /// <summary>The property names of <paramref name="element"/> (not nested ones); null when one is not well-formed text.</summary>
    public static List<string>? ReadableNames(JsonElement element)
    {
        var names = new List<string>(2);
        foreach (var property in element.EnumerateObject())
        {
            if (ReadName(property) is not { } name) return null;
            names.Add(name);
        }
        return names;
    }

    /// <summary>The string, or null when it is not well-formed Unicode text.</summary>
    public static string? ReadString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new List<string>();
                foreach (var property in element.EnumerateObject())
                {
                    var nameLabel = $"(a field name in {Label(path)})";
                    var name = ReadName(property);
                    var nameProblem = name is null ? NotUnicode(nameLabel) : TextRules.Problem(nameLabel, name);
                    if (nameProblem is not null) return nameProblem;
                    names.Add(name!);
                    var childPath = Shorten($"{path}.{name}");
                    var found = Walk(property.Value, childPath);
                    if (found is not null) return found;
                }
                return RepeatedNames.First(names, n => n) is { } repeated ? RepeatedNames.Problem(repeated, $"'{Label(path)}'") : null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = Walk(item, Shorten($"{path}[{i++}]"));
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.String:
                var text = ReadString(element);
                return text is null ? NotUnicode(Label(path)) : ProblemOf(path, text);
            case JsonValueKind.Number:
                // A number's raw text is ASCII digits, sign, '.', 'e': only the card-number part of the rule can apply, and
                // not at all to fewer characters than the shortest card number (most numbers: read without a copy).
                return JsonMarshal.GetRawUtf8Value(element).Length < CardNumberGuard.MinLength
                    ? null
                    : ProblemOf(path, element.GetRawText());
            default:
                return null;
        }
    }

    /// <summary>
    /// The rule's verdict on one text; the path is made safe to echo (<see cref="Label"/>, itself a card-number scan) only
    /// when there is something to report — every string of every event passes through here.
    /// </summary>
    private static string? ProblemOf(string path, string text) =>
        TextRules.Problem(path, text) is null ? null : TextRules.Problem(Label(path), text);

    public static string? ReadName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string NotUnicode(string field) => $"'{field}' is not valid Unicode text (an unpaired surrogate or invalid UTF-8).";

    /// <summary>
    /// A path as it may be echoed in an error: each of its names passed the guard, but names and array indexes joined by
    /// '.' and '[' could still spell a card number together.
    /// </summary>
    private static string Label(string path) => CardNumberGuard.ContainsCardNumber(path) ? "(a nested field)" : path;

    /// <summary>A hostile name can be long, so paths are cut (never inside a surrogate pair).</summary>
    private static string Shorten(string path)
    {
        if (path.Length <= MaxPathInMessage) return path;
        var cut = char.IsHighSurrogate(path[MaxPathInMessage - 1]) ? MaxPathInMessage - 1 : MaxPathInMessage;
        return path[..cut] + "…";
    }
}
