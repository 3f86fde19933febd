using System.Collections;

namespace FleetOps.Core.Live;

/// <summary>
/// What one delivery of a <see cref="ChangeFeed{TChange}"/> tells a subscriber: the relevant changes since its last
/// delivery, oldest first (the same item may appear more than once), or — when it fell too far behind to keep them —
/// <see cref="EverythingChanged"/>, after which it must re-read whatever it follows rather than trust the list (empty).
/// </summary>
public sealed class ChangeBatch<TChange>(IReadOnlyList<TChange> changes, bool everythingChanged) : IReadOnlyList<TChange>
{
    /// <summary>More changed than the feed kept for this subscriber: re-read everything.</summary>
    public bool EverythingChanged => everythingChanged;

    public int Count => changes.Count;

    public TChange this[int index] => changes[index];

    public IEnumerator<TChange> GetEnumerator() => changes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
