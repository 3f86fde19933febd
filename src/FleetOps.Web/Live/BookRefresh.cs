using FleetOps.Core.Transactions;

namespace FleetOps.Web.Live;

/// <summary>
/// <see cref="LiveRefresh"/> for the transaction book: a change to a transaction the page cares about (usually: of a
/// store in the user's scope) pokes a <see cref="RefreshThrottle"/>, so a burst of sales does not flood the browser.
/// Dispose with the page.
/// </summary>
public sealed class BookRefresh : IDisposable
{
    private readonly TransactionBook _book;
    private readonly Func<IReadOnlyList<TrackedTransaction>, bool> _relevant;
    private readonly RefreshThrottle _throttle;

    /// <param name="clockEvery">Also refresh this often when nothing changes, so relative times ("2 h ago") age.</param>
    public BookRefresh(TransactionBook book, TimeProvider time, Func<Task> refresh,
        Func<IReadOnlyList<TrackedTransaction>, bool>? relevant = null, TimeSpan? clockEvery = null)
    {
        _book = book;
        _relevant = relevant ?? (_ => true);
        _throttle = new RefreshThrottle(time, refresh, clockEvery);
        book.Changed += OnChanged;
    }

    /// <summary>Asks for a refresh as if the book had changed.</summary>
    public void Poke() => _throttle.Poke();

    private void OnChanged(IReadOnlyList<TrackedTransaction> changed)
    {
        if (_relevant(changed)) _throttle.Poke();
    }

    public void Dispose()
    {
        _book.Changed -= OnChanged;
        _throttle.Dispose();
    }
}
