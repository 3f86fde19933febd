using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// <see cref="IStringLocalizer{T}"/> over <typeparamref name="T"/>'s .resx resources in the circuit's
/// <see cref="UiCulture"/> (not the thread's, see there). A key without a text comes back as <c>⟦key⟧</c>, a marker the
/// tests look for, and English fills in where the Chinese set lacks one (the resource manager's parent chain).
/// </summary>
public sealed class CultureLocalizer<T>(UiCulture culture) : IStringLocalizer<T>
{
    private static readonly ResourceManager Resources = new(typeof(T).FullName!, typeof(T).Assembly);

    public LocalizedString this[string name]
    {
        get
        {
            var value = Resources.GetString(name, culture.Current);
            return new LocalizedString(name, value ?? Missing(name), value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return format.ResourceNotFound ? format
                : new LocalizedString(name, string.Format(culture.Current, format.Value, arguments), false);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = Resources.GetResourceSet(culture.Current, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null) yield break;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            yield return new LocalizedString((string)entry.Key, (string?)entry.Value ?? "", false);
        }
    }

    /// <summary>What a page shows for a key nobody translated: visible, and searchable by the tests.</summary>
    public static string Missing(string name) => $"⟦{name}⟧";

    /// <summary>The text of <paramref name="name"/> in exactly <paramref name="language"/>, without falling back (for tests and checks).</summary>
    public static string? Exact(string name, CultureInfo language) =>
        Resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)?.GetString(name);
}
