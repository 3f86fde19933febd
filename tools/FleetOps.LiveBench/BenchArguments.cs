using System.Globalization;

namespace FleetOps.LiveBench;

/// <summary>"--name value" pairs from the command line.</summary>
public sealed class BenchArguments(Dictionary<string, string> values)
{
    public static BenchArguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }
        return new BenchArguments(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback, int min, int max)
    {
        var value = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be {min}–{max}.");
    }
}
