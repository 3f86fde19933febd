namespace FleetOps.Web.Cluster;

/// <summary>
/// A change decided from a stored row and written only over that row (docs/design/several-nodes.md, "A change is decided
/// from the stored row"): when another node's commit lands between the read and the write, the change is read and decided
/// again — this many times in all. More means something writes the row without pause; the caller is told rather than kept
/// waiting on it.
/// </summary>
public static class StaleCopy
{
    public const int Attempts = 3;
}
