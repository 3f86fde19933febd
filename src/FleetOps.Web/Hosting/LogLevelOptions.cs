using FleetOps.Core.Settings;
using Serilog.Events;

namespace FleetOps.Web.Hosting;

/// <summary>
/// <c>Serilog:MinimumLevel</c>, checked with the FleetOps settings: Serilog refuses an unknown level itself, but with
/// "The value Loud is not a valid Serilog level", which does not say which of the overrides holds it.
/// </summary>
public sealed class LogLevelOptions : ICheckedSettings
{
    public const string Section = "Serilog:MinimumLevel";

    /// <summary>The section's own value, for the short form <c>Serilog:MinimumLevel=Debug</c>.</summary>
    public string? Level { get; set; }

    public string? Default { get; set; }

    public Dictionary<string, string?> Override { get; set; } = [];

    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section);
        Check(problems, Section, Level);
        Check(problems, problems.Key(nameof(Default)), Default);
        foreach (var (source, level) in Override) Check(problems, problems.Key($"{nameof(Override)}:{source}"), level);
        return problems.ToList();
    }

    /// <remarks>Serilog also takes a number ("7"), which names no level and would silence the log: refused here.</remarks>
    private static void Check(SettingProblems problems, string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        var known = Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(value, out _);
        problems.Require(known, $"{key} must be one of {string.Join(", ", Enum.GetNames<LogEventLevel>())} (was {value}).");
    }
}
