using System.Reflection;
using System.Text.Json.Serialization;

namespace FleetOps.Core.Wire;

/// <summary>The wire names of one enumeration, read once from its members' attributes.</summary>
internal static class WireTable<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> ByValue = [];
    private static readonly Dictionary<string, T> ByName = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; }

    static WireTable()
    {
        var names = new List<string>();
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            // A member without its wire name is a programming error: fail loudly on first use, never guess a spelling.
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                       ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Name} has no [JsonStringEnumMemberName].");
            var value = (T)field.GetValue(null)!;
            ByValue[value] = name;
            ByName.Add(name, value);
            names.Add(name);
        }
        Names = names.AsReadOnly();
    }

    public static string NameOf(T value) =>
        ByValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");

    public static bool TryParse(string? text, out T value)
    {
        if (text is not null && ByName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }
}
