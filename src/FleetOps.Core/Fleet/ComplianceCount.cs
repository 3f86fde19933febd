using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>How many terminals of a group (a model, a store) are in each software status.</summary>
public sealed record ComplianceCount(string Key, int Terminals, int Current, int Outdated, int Unsupported, int Unknown)
{
    /// <summary>Share of the group's terminals that run the target, 0–1; 0 for an empty group.</summary>
    public double CurrentShare => Terminals == 0 ? 0 : (double)Current / Terminals;

    /// <summary>Terminals whose status is known: the rest cannot be judged (no target, no report, unorderable version).</summary>
    public int Judged => Terminals - Unknown;

    public static ComplianceCount Of(string key, IEnumerable<TerminalSnapshot> terminals)
    {
        int total = 0, current = 0, outdated = 0, unsupported = 0, unknown = 0;
        foreach (var t in terminals)
        {
            total++;
            switch (t.Assessment.Software)
            {
                case SoftwareStatus.Current: current++; break;
                case SoftwareStatus.Outdated: outdated++; break;
                case SoftwareStatus.Unsupported: unsupported++; break;
                default: unknown++; break;
            }
        }
        return new ComplianceCount(key, total, current, outdated, unsupported, unknown);
    }
}
