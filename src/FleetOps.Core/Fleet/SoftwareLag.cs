using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// How long a terminal has been behind its model's target (docs/api.md §7 <c>outdatedSince</c>) and whether its update is
/// overdue. Derived, never stored: from when the target versions were set and since when the terminal reports the
/// versions it runs, both kept in the database — so the figure is the same after a restart and on every node.
/// </summary>
public static class SoftwareLag
{
    /// <summary>
    /// For an outdated or unsupported terminal: the later of the target's setting and the terminal's move to the versions
    /// it now runs (a terminal that fell behind by a downgrade is behind since the downgrade; one whose target was raised,
    /// since the raise). Null when it is not behind.
    /// </summary>
    public static DateTimeOffset? BehindSince(TerminalSnapshot terminal, SoftwareTarget? target)
    {
        if (target is null || terminal.Assessment.Software is not (SoftwareStatus.Outdated or SoftwareStatus.Unsupported)) return null;
        var (set, since) = (target.SetAt, terminal.VersionsSince);
        return set is null ? since : since is null ? set : set > since ? set : since;
    }

    /// <summary>Still behind the target <paramref name="overdueAfter"/> after it was set: the update is overdue.</summary>
    public static bool IsOverdue(TerminalSnapshot terminal, SoftwareTarget? target, DateTimeOffset now, TimeSpan overdueAfter) =>
        target?.SetAt is { } set && terminal.Assessment.Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported
        && now - set >= overdueAfter;
}
