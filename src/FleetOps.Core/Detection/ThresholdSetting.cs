namespace FleetOps.Core.Detection;

/// <summary>
/// One threshold an administrator may change while the server runs: its §3 name (the key under
/// <see cref="DetectionOptions.Section"/>), whether it takes whole numbers only, and how to read and write it on a
/// <see cref="DetectionOptions"/>. Values travel as <c>double</c>; a whole-number setting is written only with a whole value.
/// </summary>
public sealed record ThresholdSetting(
    string Name, ThresholdGroup Group, bool Whole, Func<DetectionOptions, double> Read, Action<DetectionOptions, double> Write)
{
    /// <summary>The full configuration key, e.g. <c>FleetOps:Detection:UnstablePowerLosses</c>; also the key of its saved override.</summary>
    public string Key => $"{DetectionOptions.Section}:{Name}";

    /// <summary>The name in the API's JSON (camelCase, like every other field).</summary>
    public string JsonName => char.ToLowerInvariant(Name[0]) + Name[1..];
}
