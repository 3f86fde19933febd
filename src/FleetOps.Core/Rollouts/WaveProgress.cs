namespace FleetOps.Core.Rollouts;

/// <summary>A wave's terminals, how many run the rollout's version, and how many reported that installing it failed.</summary>
public readonly record struct WaveProgress(int Terminals, int Installed, int Failed)
{
    public int Pending => Terminals - Installed - Failed;
}
