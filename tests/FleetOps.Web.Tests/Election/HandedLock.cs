using Medallion.Threading;

namespace FleetOps.Web.Tests.Election;

/// <summary>
/// An election lock the test hands out: nobody can take it until <see cref="Open"/>, and <see cref="LoseConnection"/> does
/// to its holder what a dropped PostgreSQL connection does (the handle-lost token fires, the lock is free again).
/// </summary>
public sealed class HandedLock : IDistributedLock
{
    private readonly Lock _gate = new();
    private bool _open;
    private Handle? _held;
    private Exception? _failure;

    public string Name => "handed";

    /// <summary>How many times the lock was taken.</summary>
    public int Taken { get; private set; }

    /// <summary>How many times a node tried to take it (taken, refused or failed).</summary>
    public int Tried
    {
        get
        {
            lock (_gate) return _tried;
        }
    }

    private int _tried;

    public void Open()
    {
        lock (_gate) _open = true;
    }

    /// <summary>The holder's connection drops: its handle reports the loss, and the lock is free for the next try.</summary>
    public void LoseConnection()
    {
        Handle? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }
        held?.Lose();
    }

    /// <summary>Every try throws <paramref name="failure"/> (the database cannot be reached), until called with null.</summary>
    public void FailTries(Exception? failure)
    {
        lock (_gate) _failure = failure;
    }

    public IDistributedSynchronizationHandle? TryAcquire(TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _tried++;
            if (_failure is not null) throw _failure;
            if (!_open || _held is not null) return null;
            Taken++;
            return _held = new Handle(this);
        }
    }

    public IDistributedSynchronizationHandle Acquire(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        TryAcquire(default, cancellationToken) ?? throw new TimeoutException("The handed lock is not free.");

    public ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TryAcquire(timeout, cancellationToken));

    public ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Acquire(timeout, cancellationToken));

    private void Release(Handle handle)
    {
        lock (_gate)
        {
            if (_held == handle) _held = null;
        }
    }

    private sealed class Handle(HandedLock owner) : IDistributedSynchronizationHandle
    {
        private readonly CancellationTokenSource _lost = new();

        public CancellationToken HandleLostToken => _lost.Token;

        public void Lose() => _lost.Cancel();

        public void Dispose() => owner.Release(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
