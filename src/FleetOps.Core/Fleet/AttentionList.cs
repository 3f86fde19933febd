using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// What needs doing about terminals, ordered by urgency for the role homes: by reason (<see cref="AttentionReason"/>'s
/// order), then the longest-standing first, then by id so the list does not reshuffle between renders.
/// </summary>
public static class AttentionList
{
    /// <param name="forTechnician">
    /// A technician's list: only what a technician fixes on site — not a store-wide power problem (electrician) and not
    /// an outdated version (a remote update).
    /// </param>
    public static IReadOnlyList<AttentionItem> For(IEnumerable<TerminalSnapshot> terminals, bool forTechnician = false)
    {
        var items = new List<AttentionItem>();
        foreach (var t in terminals)
        {
            if (t.Registration.Decommissioned) continue;
            var a = t.Assessment;
            if (a.Connectivity == Connectivity.Offline) items.Add(new(t, AttentionReason.Offline, t.LastContactAt));
            if (a.Power == PowerStatus.Unstable)
            {
                var storeWide = a.LikelyCause == LikelyCause.Store;
                if (!(storeWide && forTechnician))
                {
                    items.Add(new(t, storeWide ? AttentionReason.UnstablePowerStore : AttentionReason.UnstablePowerDevice, a.LastLossAt));
                }
            }
            if (a.Software == SoftwareStatus.Unsupported) items.Add(new(t, AttentionReason.UnsupportedSoftware, null));
            else if (a.Software == SoftwareStatus.Outdated && !forTechnician) items.Add(new(t, AttentionReason.OutdatedSoftware, null));
        }
        return items
            .OrderBy(i => i.Reason)
            .ThenBy(i => i.Since ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Terminal.TerminalId, StringComparer.Ordinal)
            .ToList();
    }
}
