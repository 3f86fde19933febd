namespace FleetOps.Core.Live;

/// <summary>
/// A live store that announces its changes through a <see cref="ChangeFeed{TChange}"/>: fleet state, transaction book,
/// recovery cases, users, stores. One way to follow any of them, for pages and background services alike.
/// </summary>
public interface IChangeSource<TChange>
{
    /// <summary>
    /// Calls <paramref name="callback"/> off the writer's thread with the changes <paramref name="relevant"/> keeps (null:
    /// all): the first change after a quiet spell at once, later ones coalesced to at most one call per
    /// <paramref name="minInterval"/> (default <see cref="ChangeFeed{TChange}.DefaultInterval"/>), never two calls at once.
    /// Dispose the result to stop; a call already running may finish. <paramref name="relevant"/> must be quick and
    /// side-effect free: it also runs on the writer's thread, to leave out subscribers that care for none of a change.
    /// </summary>
    IDisposable Subscribe(Func<TChange, bool>? relevant, Func<ChangeBatch<TChange>, Task> callback, TimeSpan? minInterval = null);
}
