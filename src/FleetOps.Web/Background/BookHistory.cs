using FleetOps.Core.Live;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Background;

/// <summary>
/// What the histories that complete the transaction book share (money at risk, sale counts): closed sales live only in
/// the database, so a history reloads them and takes the book's changes in between. It relays each change of the book
/// only after <see cref="Take"/> has taken it in, so a page that follows the history never re-renders in the gap between
/// a sale leaving the book and arriving here. When the book could not keep the list for it ("everything changed"), it
/// reloads at once and tells its followers to re-read everything.
/// <para>
/// The first scheduled load waits until the server listens (<see cref="IHostedLifecycleService.StartedAsync"/>): it reads
/// every closed sale of the window, seconds of CPU at fleet scale, and before this it shared the two cores with the
/// fleet's own load and the server's first requests, delaying readiness by as much. The book's changes are taken in from
/// the start, so nothing reported meanwhile is lost.
/// </para>
/// </summary>
public abstract class BookHistory : BackgroundService, IChangeSource<TrackedTransaction>, IHostedLifecycleService
{
    private readonly ChangeFeed<TrackedTransaction> _changes;
    private readonly IDisposable _bookChanges;
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;

    /// <remarks>Derived classes set their fields in field initializers: the book may report before their constructor ends.</remarks>
    protected BookHistory(string name, TransactionBook book, TimeProvider time, ILogger logger)
    {
        _time = time;
        _changes = new ChangeFeed<TrackedTransaction>(name, time, logger);
        // No interval: each batch costs only its sales, and pages get their own interval from the relay.
        _bookChanges = book.Subscribe(null, OnBookChanged, minInterval: TimeSpan.Zero);
    }

    /// <summary>The book's changes, relayed once they are in the history.</summary>
    public IDisposable Subscribe(Func<TrackedTransaction, bool>? relevant, Func<ChangeBatch<TrackedTransaction>, Task> callback,
        TimeSpan? minInterval = null) => _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>Reloads the closed sales from the database; returns how many were read.</summary>
    public abstract Task<int> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads once the server listens and then every <paramref name="every"/>; a failed load is reported and retried at the
    /// next tick.
    /// </summary>
    protected async Task RefreshWhileRunningAsync(TimeSpan every, Func<CancellationToken, Task> refresh, Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        try
        {
            await _serving.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        await PeriodicRefresh.RunAsync(every, _time, refresh, failed, stoppingToken);
    }

    /// <summary>Takes a batch of the book's changes in (called one batch at a time).</summary>
    protected abstract void Take(ChangeBatch<TrackedTransaction> changed);

    /// <summary>Tells the followers to re-read everything (after a scheduled reload).</summary>
    protected void AnnounceEverythingChanged() => _changes.PublishEverythingChanged();

    Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken)
    {
        _serving.TrySetResult();
        return Task.CompletedTask;
    }

    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose()
    {
        _bookChanges.Dispose();
        base.Dispose();
    }

    private async Task OnBookChanged(ChangeBatch<TrackedTransaction> changed)
    {
        if (!changed.EverythingChanged)
        {
            Take(changed);
            _changes.Publish(changed);
            return;
        }
        // The book kept no list for us: what closed is in the database by now, and the next load must not wait.
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        finally
        {
            _changes.PublishEverythingChanged();
        }
    }
}
