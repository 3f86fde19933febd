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

    /// <summary>The reason the first bad text of <paramref name="element"/> is refused, or null when all may be kept.</summary>
    public static string? FirstProblem(JsonElement element, Func<string, JsonElement, bool> exempt) => Walk(element, "", exempt);

    /// <summary>
    /// The string value of <paramref name="name"/> in <paramref name="element"/>, or null when it is missing, not a
    /// string, or not well-formed. Safe before the walk, unlike TryGetProperty: that unescapes the names it compares,
    /// so an object with a lone-surrogate name makes it throw.
    /// </summary>
    public static string? StringProperty(JsonElement element, string name)
    {
        string? found = null;
        foreach (var property in element.EnumerateObject())
        {
            // The last one wins, as with TryGetProperty; a property whose name cannot be read is skipped.
            if (ReadName(property) == name) found = property.Value.ValueKind == JsonValueKind.String ? ReadString(property.Value) : null;
        }
        return found;
    }

    /// <summary>Whether every property name of <paramref name="element"/> (not nested ones) is well-formed text.</summary>
    public static bool NamesAreReadable(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (ReadName(property) is null) return false;
        }
        return true;
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

    private static string? Walk(JsonElement element, string path, Func<string, JsonElement, bool> exempt)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var nameLabel = path.Length == 0 ? "(a field name)" : $"(a field name in {Label(path)})";
                    var name = ReadName(property);
                    var nameProblem = name is null ? NotUnicode(nameLabel) : TextRules.Problem(nameLabel, name);
                    if (nameProblem is not null) return nameProblem;
                    var childPath = Shorten(path.Length == 0 ? name! : $"{path}.{name}");
                    if (path.Length == 0 && exempt(name!, property.Value)) continue;
                    var found = Walk(property.Value, childPath, exempt);
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = Walk(item, Shorten($"{path}[{i++}]"), exempt);
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.String:
                var text = ReadString(element);
                return text is null ? NotUnicode(Label(path)) : TextRules.Problem(Label(path), text);
            case JsonValueKind.Number:
                // A number's raw text is ASCII digits, sign, '.', 'e': only the card-number part of the rule can apply.
                return TextRules.Problem(Label(path), element.GetRawText());
            default:
                return null;
        }
    }

    private static string? ReadName(JsonProperty property)
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
