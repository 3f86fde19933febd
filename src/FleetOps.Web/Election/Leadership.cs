using FleetOps.Web.Persistence;
using Medallion.Threading;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Election;

/// <summary>
/// Whether this node does the work that must happen once in a cluster (opening alerts, sending notifications, resolving
/// cases, generating plans, retention, rollout decisions). With an election lock (PostgreSQL with several nodes, see
/// <see cref="LeadershipMode"/>) the node that holds it leads; the others try again every
/// <see cref="LeadershipOptions.RetrySeconds"/>. The lock is a session advisory lock on a connection of its own, so it
/// lives exactly as long as this process's socket: a killed node's lock is freed by PostgreSQL at once. Without an
/// election lock (SQLite, or a node alone) this node leads from its start to its end.
/// <para>
/// Each leading stretch is a term with its own cancellation token. A term ends the moment the lock's connection is
/// reported lost — before anything else can take the lock, this node's elected work is told to stop — and when the node
/// stops, before the lock is released. Work runs through <see cref="WhileLeadingAsync"/> and starts afresh from the
/// database in each term, so whatever should have happened while no node led happens when the next one takes over.
/// </para>
/// </summary>
public sealed partial class Leadership : BackgroundService
{
    private readonly IDistributedLock? _electionLock;
    private readonly LeadershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Leadership> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;
    private DateTimeOffset? _since;
    private readonly OutageLog _tries;

    /// <param name="electionLock">The lock the nodes compete for; null when this node is alone.</param>
    public Leadership(IOptions<LeadershipOptions> options, TimeProvider time, ILogger<Leadership> logger, IDistributedLock? electionLock = null)
    {
        _electionLock = electionLock;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _tries = new OutageLog(time);
        if (electionLock is null) Begin(); // alone: no term can end before the node does
    }

    /// <summary>Whether the nodes elect a leader (false: this node is alone and always leads).</summary>
    public bool Elected => _electionLock is not null;

    public bool IsLeader
    {
        get
        {
            lock (_gate) return _term is not null;
        }
    }

    /// <summary>When this node's current term began; null while another node leads.</summary>
    public DateTimeOffset? LeadingSince
    {
        get
        {
            lock (_gate) return _since;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in each of this node's terms, until the node stops: its token is cancelled when the
    /// term ends, and the next term runs it again from its start. Work that returns by itself (switched off) waits for the
    /// next term. Work that fails is started again in the same term after a pause (<see cref="RunTermAsync"/>).
    /// </summary>
    public async Task WhileLeadingAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var term = await NextTermAsync().WaitAsync(stoppingToken);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(term, stoppingToken);
                try
                {
                    await RunTermAsync(work, leading.Token);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    // The term ended: wait for the next one.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The longest pause before failed elected work is started again.</summary>
    public static readonly TimeSpan LongestWorkPause = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs the work for one term. A failure that leaves the work (the database dropping the connection of a take-over's
    /// first read, as PostgreSQL's restart did) is logged and the work started again after a pause — the retry period,
    /// doubling up to <see cref="LongestWorkPause"/> — for as long as the term lasts. Left to escape, it stopped the whole
    /// node (the host stops on a failed background service): ingest and pages went with it, and the node that took the
    /// lead next met the same database.
    /// </summary>
    private async Task RunTermAsync(Func<CancellationToken, Task> work, CancellationToken term)
    {
        var pause = _options.RetryEvery;
        while (true)
        {
            try
            {
                await work(term);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, term);
            }
            catch (Exception e) when (!term.IsCancellationRequested)
            {
                var name = work.Target?.GetType().Name ?? work.Method.Name;
                if (DatabaseFailure.Cause(e) is { } database) LogWorkFailedOnDatabase(name, DatabaseFailure.Reason(database), pause.TotalSeconds);
                else LogWorkFailed(e, name, pause.TotalSeconds);
                await Task.Delay(pause, _time, term);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestWorkPause.Ticks));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_electionLock is null) return;
        try
        {
            while (true)
            {
                var lost = await TermAsync(_electionLock, stoppingToken);
                // A node whose lock connection just died steps back for a few tries: the others, trying every retry period
                // on connections that work, take over first instead of racing it (the election test saw the old leader
                // win its own lock back, and no failover, once in a CI run).
                await Task.Delay(lost ? _options.RetryEvery * StepBackTries : _options.RetryEvery, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            End();
        }
    }

    /// <summary>How many retry periods a node that lost its lock's connection waits before it tries again.</summary>
    public const int StepBackTries = 3;

    /// <summary>One try for the lock and, when it is taken, one term: until the lock's connection is lost or the node stops.</summary>
    /// <returns>true when a term ended because the lock's connection was lost</returns>
    private async Task<bool> TermAsync(IDistributedLock electionLock, CancellationToken stoppingToken)
    {
        IDistributedSynchronizationHandle? handle;
        try
        {
            handle = await electionLock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TryFailed(e);
            return false;
        }
        if (_tries.Succeeded() is { } ended) LogTryAgain(ended.Since);
        if (handle is null) return false;
        try
        {
            var lost = handle.HandleLostToken;
            if (!lost.CanBeCanceled) LogUnwatched();
            Begin();
            LogGained();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(lost, stoppingToken);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, ending.Token);
            }
            catch (OperationCanceledException) when (ending.IsCancellationRequested)
            {
            }
            // Before the lock is released: no other node can lead while this one's work is still told to go on.
            End();
            var lostConnection = !stoppingToken.IsCancellationRequested;
            if (lostConnection) LogLost();
            else LogReleased();
            return lostConnection;
        }
        finally
        {
            await ReleaseAsync(handle);
        }
    }

    /// <summary>A failed try, logged in one line when the database is the cause, and once a minute while that lasts.</summary>
    private void TryFailed(Exception exception)
    {
        if (_tries.Failed() is not { } notice) return;
        var database = DatabaseFailure.Cause(exception);
        var reason = database is null ? exception.GetType().Name : DatabaseFailure.Reason(database);
        if (notice.Kind != OutageNoticeKind.Began) LogStillCannotTry(notice.Since, notice.Failures, reason);
        else LogTryFailed(database is null ? exception : null, reason, _options.RetrySeconds);
    }

    private async Task ReleaseAsync(IDistributedSynchronizationHandle handle)
    {
        try
        {
            await handle.DisposeAsync();
        }
        catch (Exception e)
        {
            // A lost connection cannot unlock, and need not: PostgreSQL freed the lock with the session.
            LogReleaseFailed(e);
        }
    }

    private Task<CancellationToken> NextTermAsync()
    {
        lock (_gate) return _term is { } term ? Task.FromResult(term.Token) : _nextTerm.Task;
    }

    private void Begin()
    {
        lock (_gate)
        {
            _term = new CancellationTokenSource();
            _since = _time.GetUtcNow();
            _nextTerm.TrySetResult(_term.Token);
        }
    }

    private void End()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _term;
            _term = null;
            _since = null;
            if (_nextTerm.Task.IsCompleted) _nextTerm = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        // Not disposed: work still holding the token must see it cancelled, not disposed.
        ended?.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node now leads: it opens alerts, sends notifications and runs the other elected work")]
    private partial void LogGained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node lost the leadership lock's connection and stopped its elected work at once; it will try to lead again")]
    private partial void LogLost();

    [LoggerMessage(Level = LogLevel.Information, Message = "This node is stopping and handed the leadership lock back")]
    private partial void LogReleased();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try the leadership lock ({Reason}); trying again every {Seconds} s, said again once a minute while it lasts")]
    private partial void LogTryFailed(Exception? exception, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Still cannot try the leadership lock since {Since:O} ({Reason}); {Tries} tries failed in the last minute")]
    private partial void LogStillCannotTry(DateTimeOffset since, long tries, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The leadership lock can be tried again; it could not since {Since:O}")]
    private partial void LogTryAgain(DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Error, Message = "The elected work {Work} failed on the database ({Reason}); it starts again in {Seconds} s while this node leads")]
    private partial void LogWorkFailedOnDatabase(string work, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The elected work {Work} failed; it starts again in {Seconds} s while this node leads")]
    private partial void LogWorkFailed(Exception exception, string work, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand the leadership lock back cleanly")]
    private partial void LogReleaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The leadership lock cannot report a lost connection: this node would not notice losing the lead")]
    private partial void LogUnwatched();
}
