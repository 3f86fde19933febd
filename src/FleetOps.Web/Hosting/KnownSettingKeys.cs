using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The configuration keys the settings classes bind, derived from the classes themselves as <see cref="SettingsSetup"/>
/// binds them, so the list cannot drift from the code: a key is known when the binder would write it into a property.
/// Below a dictionary or a list any key is known (the binder makes an entry of it).
/// </summary>
public sealed class KnownSettingKeys
{
    // Deep enough for any settings class; a guard against a type that refers to itself.
    private const int MaxDepth = 5;
    private const int MaxSuggestionDistance = 3;

    private readonly HashSet<string> _leaves = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _open = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the keys <paramref name="type"/> binds under <paramref name="section"/>.</summary>
    public void Add(string section, Type type) => Walk(section, type, 0);

    public bool Knows(string key)
    {
        if (_leaves.Contains(key) || _open.Contains(key)) return true;
        for (var colon = key.LastIndexOf(':'); colon > 0; colon = key.LastIndexOf(':', colon - 1))
        {
            if (_open.Contains(key[..colon])) return true;
        }
        return false;
    }

    /// <summary>The known key closest to <paramref name="key"/> in spelling, if one is close enough to be the one meant.</summary>
    public string? Nearest(string key) => _leaves
        .Select(known => (Key: known, Distance: Distance(key.ToUpperInvariant(), known.ToUpperInvariant())))
        .Where(c => c.Distance <= MaxSuggestionDistance)
        .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => c.Key)
        .FirstOrDefault();

    private void Walk(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var key = $"{prefix}:{property.Name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(valueType))
            {
                // Computed properties (OfflineAfter => …) have no setter, and the binder leaves them alone.
                if (property.SetMethod is { IsPublic: true }) _leaves.Add(key);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(valueType)) _open.Add(key);
            else if (depth < MaxDepth) Walk(key, valueType, depth + 1);
        }
    }

    /// <summary>What the binder reads from one string, as it decides it: a string, or a type converted from one.</summary>
    private static bool IsValue(Type type) => type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
