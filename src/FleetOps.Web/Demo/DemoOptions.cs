namespace FleetOps.Web.Demo;

/// <summary><c>FleetOps:Demo</c>: the demo chain and its built-in simulator (on unless <c>Enabled=false</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "FleetOps:Demo";
    public bool Enabled { get; set; } = true;
    public int Stores { get; set; } = 20;
    public int Terminals { get; set; } = 300;
    public int HeartbeatSeconds { get; set; } = 15;
}
