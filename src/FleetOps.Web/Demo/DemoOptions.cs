using FleetOps.Core.Settings;

namespace FleetOps.Web.Demo;

/// <summary><c>FleetOps:Demo</c>: the demo chain and its built-in simulator (on unless <c>Enabled=false</c>).</summary>
public sealed class DemoOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Demo";
    public bool Enabled { get; set; } = true;
    public int Stores { get; set; } = 20;
    public int Terminals { get; set; } = 300;
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Checked even when the demo is off: a wrong number is a mistake whether or not it is used today.</summary>
    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(Stores, 1, 10_000)
        .Range(Terminals, 1, 1_000_000)
        .Range(HeartbeatSeconds, 1, 3600)
        .ToList();
}
