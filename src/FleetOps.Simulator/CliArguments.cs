using System.Globalization;

namespace FleetOps.Simulator;

internal sealed class CliException(string message) : Exception(message);

/// <summary>"--name value" / "--name=value" options; anything not asked for by the mode is reported as unknown.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg is "--help" or "-h")
            {
                Help = true;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new CliException($"unexpected argument '{arg}'");
            var name = arg[2..];
            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (e.MoveNext())
            {
                value = e.Current;
            }
            else
            {
                throw new CliException($"option --{name} needs a value");
            }
            if (!_values.TryAdd(name, value))
                throw new CliException($"option --{name} given twice");
        }
    }

    public bool Help { get; }

    public string? Optional(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string String(string name, string defaultValue) => Optional(name) ?? defaultValue;

    public string Required(string name, string? environmentFallback = null)
    {
        var value = Optional(name) ?? (environmentFallback is null ? null : Environment.GetEnvironmentVariable(environmentFallback));
        if (string.IsNullOrWhiteSpace(value))
            throw new CliException(environmentFallback is null
                ? $"--{name} is required"
                : $"--{name} is required (or set the {environmentFallback} environment variable)");
        return value;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
            return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new CliException($"--{name} must be a whole number from {min} to {max}, got '{text}'");
        return value;
    }

    public int? OptionalInt(string name, int min, int max) => Optional(name) is null ? null : Int(name, 0, min, max);

    public double Double(string name, double defaultValue, double min, double max)
    {
        var text = Optional(name);
        if (text is null)
            return defaultValue;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
            throw new CliException($"--{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
        return value;
    }

    public Uri BaseUrl(string name)
    {
        var text = Required(name);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliException($"--{name} must be an absolute http(s) URL, got '{text}'");
        // Without the trailing slash a path base such as /fleetops would be dropped by relative request URIs.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private const int MaxTrailingPrefixDigits = 5;

    public string Prefix(string defaultValue)
    {
        var prefix = String("prefix", defaultValue);
        if (prefix.Length is 0 or > 20 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new CliException($"--prefix must be 1-20 letters, digits, '-' or '_', got '{prefix}'");
        // Terminal ids are "<prefix>-<number of up to 7 digits>", and the server refuses any id holding 13 or more
        // digits between letters (they could be a card number): at most 5 digits may follow the prefix's last letter.
        if (prefix.Reverse().TakeWhile(c => !char.IsAsciiLetter(c)).Count(char.IsAsciiDigit) > MaxTrailingPrefixDigits)
            throw new CliException($"--prefix may have at most {MaxTrailingPrefixDigits} digits after its last letter, got '{prefix}'");
        return prefix;
    }

    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliException($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}");
    }
}
