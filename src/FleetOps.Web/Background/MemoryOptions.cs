using FleetOps.Core.Settings;

namespace FleetOps.Web.Background;

/// <summary><c>FleetOps:Memory</c>.</summary>
public sealed class MemoryOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Memory";

    /// <summary>Run one compacting collection when the server goes quiet after a burst of work (<see cref="HeapTrimmer"/>).</summary>
    public bool TrimWhenQuiet { get; set; } = true;

    public IReadOnlyList<string> Problems() => [];
}
