using System.Reflection;
using System.Text.Json.Serialization;

namespace FleetOps.Core.Wire;

/// <summary>
/// The one table of enumeration wire names (issue 9): each member of an enumeration that travels — in JSON, query
/// filters, CSV, stored rows or pages — carries its protocol spelling in a <c>[JsonStringEnumMemberName]</c>
/// attribute beside it. System.Text.Json reads the same attributes, so the API, filters and exports cannot disagree,
/// and a rename in C# can never change the contract.
/// </summary>
public static class WireNames
{
    public static string ToWire<T>(this T value) where T : struct, Enum => WireTable<T>.NameOf(value);

    /// <summary>Parses a wire name, exactly as spelled by the protocol (lower snake_case, case-sensitive).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum => WireTable<T>.TryParse(text, out value);

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order (for error messages and pickers).</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => WireTable<T>.Names;

    /// <summary>"must be one of: a, b, c." — the one way an unknown enumeration value is explained.</summary>
    public static string OneOf<T>() where T : struct, Enum => $"must be one of: {string.Join(", ", WireTable<T>.Names)}.";

    /// <summary>
    /// <see cref="OneOf{T}"/> of an enumeration known only as a type (a nullable one's too), as when a request body's value
    /// could not be read as it; null for any other type, and for an enumeration whose members do not all carry their wire
    /// name (the runtime's own, say), whose table would refuse to be built.
    /// </summary>
    public static string? TryOneOf(Type type)
    {
        var enumeration = Nullable.GetUnderlyingType(type) ?? type;
        if (!enumeration.IsEnum || enumeration.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Any(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>() is null))
        {
            return null;
        }
        return (string)typeof(WireNames).GetMethod(nameof(OneOf), Type.EmptyTypes)!.MakeGenericMethod(enumeration).Invoke(null, null)!;
    }
}
