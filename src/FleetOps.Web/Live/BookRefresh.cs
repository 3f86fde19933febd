using FleetOps.Core.Cases;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

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
    private CaseBook? _cases;
    private Func<RecoveryCase, bool> _caseRelevant = _ => false;

    /// <param name="clockEvery">Also refresh this often when nothing changes, so relative times ("2 h ago") age.</param>
    public BookRefresh(TransactionBook book, TimeProvider time, Func<Task> refresh,
        Func<IReadOnlyList<TrackedTransaction>, bool>? relevant = null, TimeSpan? clockEvery = null)
    {
        _book = book;
        _relevant = relevant ?? (_ => true);
        _throttle = new RefreshThrottle(time, refresh, clockEvery);
        book.Changed += OnChanged;
    }

    /// <summary>
    /// Also refreshes when a relevant recovery case changes: resolving a case by hand takes its money off the figures
    /// and its row off the open list, on every open page.
    /// </summary>
    public BookRefresh WithCases(CaseBook cases, Func<RecoveryCase, bool> relevant)
    {
        _cases = cases;
        _caseRelevant = relevant;
        cases.Changed += OnCaseChanged;
        return this;
    }

    private void OnCaseChanged(RecoveryCase changed)
    {
        if (_caseRelevant(changed)) _throttle.Poke();
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
        if (_cases is not null) _cases.Changed -= OnCaseChanged;
        _throttle.Dispose();
    }
}
