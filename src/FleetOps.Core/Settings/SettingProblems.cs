using System.Globalization;
using System.Runtime.CompilerServices;

namespace FleetOps.Core.Settings;

/// <summary>
/// Collects what is wrong with one settings section, in messages that name the full key and the value found, e.g.
/// "FleetOps:Detection:OfflineAfterSeconds must be between 1 and 86400 (was -1)". The key is taken from the argument
/// expression, so a rule reads <c>.Range(OfflineAfterSeconds, 1, 86_400)</c> and can never name the wrong setting.
/// </summary>
public sealed class SettingProblems(string section)
{
    private readonly List<string> _problems = [];

    public SettingProblems Range(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min || value > max) Add(name, $"must be between {Text(min)} and {Text(max)} (was {Text(value)})");
        return this;
    }

    /// <summary>Also refuses NaN and infinities, which a <c>double</c> setting would otherwise accept silently.</summary>
    public SettingProblems Range(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value) || value < min || value > max) Add(name, $"must be between {Text(min)} and {Text(max)} (was {Text(value)})");
        return this;
    }

    public SettingProblems Range(TimeSpan value, TimeSpan min, TimeSpan max, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min || value > max) Add(name, $"must be between {Text(min)} and {Text(max)} (was {Text(value)})");
        return this;
    }

    /// <summary>An enumeration value the code knows (the binder takes any number, e.g. "7", for an enum).</summary>
    public SettingProblems Known<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string name = "") where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) Add(name, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (was {value})");
        return this;
    }

    /// <summary>A rule of its own; <paramref name="message"/> is a whole sentence that names the setting(s).</summary>
    public SettingProblems Require(bool holds, string message)
    {
        if (!holds) _problems.Add(message);
        return this;
    }

    /// <summary>The full configuration key of a setting of this section, for messages written with <see cref="Require"/>.</summary>
    public string Key(string name) => $"{section}:{name}";

    public IReadOnlyList<string> ToList() => _problems.ToArray();

    private void Add(string name, string rule) => _problems.Add($"{Key(name)} {rule}.");

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
