using System.Data.Common;
using FleetOps.Core.Fleet;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Background;

/// <summary>
/// Records in the database that this run of FleetOps is up — its row in <c>ListeningRuns</c>, moved forward every few
/// seconds and once more when the server stops — so that a later start knows when nobody was listening to the terminals
/// (<see cref="FleetOps.Core.Fleet.ListeningHistory"/>). Every node of a cluster records its own run; the start merges
/// them. A crash leaves a run's end at most <see cref="Interval"/> early: a terminal whose time ran out in those seconds is
/// judged online again after the start until they have passed once more.
/// <para>
/// The same write tells this node when its database is out of reach: then terminals are answered 503 and nothing they
/// say is stored, so the fleet stops counting their silence from the last moment the database was reached
/// (<see cref="FleetState.PauseListening"/>) until a write succeeds again, and that write begins a new run, so that the
/// next start sees the gap too. Without it a database outage longer than the offline limit judged every terminal
/// offline, and the first alert evaluation after the database came back opened an alert for each.
/// </para>
/// </summary>
public sealed partial class ListeningRecorder(FleetDbContextFactory databases, FleetState fleet, TimeProvider time, ILogger<ListeningRecorder> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How long runs are kept: far longer than the longest offline limit (a day) a start needs to look back.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    // The run being recorded: a new one after each spell without the database. Touched by one recording at a time.
    private string _run = Guid.NewGuid().ToString("N");
    private long _fromMs;
    private long _reachedMs;
    private bool _unreachable;
    private ClockStepWatch? _steps;
    private OutageLog? _failures;

    /// <summary>The runs recorded so far, for the start-up rebuild.</summary>
    public static async Task<List<(DateTimeOffset From, DateTimeOffset Until)>> ReadAsync(FleetDbContext db, CancellationToken cancellationToken) =>
        (await db.ListeningRuns.AsNoTracking().Select(r => new { r.FromMs, r.UntilMs }).ToListAsync(cancellationToken))
        .Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.FromMs), DateTimeOffset.FromUnixTimeMilliseconds(r.UntilMs)))
        .ToList();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosted services start one after the other, this one after the start-up rebuild: the run begins as the server
        // is about to listen, not while it was still loading. Set here, not in ExecuteAsync, which .NET 10 runs on the
        // thread pool: a server stopped before it began recorded its run from 1970, and the next start counted all the
        // time FleetOps was down as listened — every terminal offline at once (found as a flaky ListeningRestartTests).
        _fromMs = _reachedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        _steps = new ClockStepWatch(time);
        _failures = new OutageLog(time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            await ForgetOldRunsAsync(stoppingToken);
            do
            {
                await RecordAsync(judge: true, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The exact end of a planned stop, so that after an upgrade no terminal's time left is counted from earlier.
        try
        {
            await RecordAsync(judge: false, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout passed first (the write waited behind a long import's write lock). Escaping, the
            // cancellation ended a requested stop as "FleetOps stopped unexpectedly" with a stack trace and exit code 1,
            // a failed unit to systemd. The run keeps its last recorded end, at most Interval early, as after a crash.
            LogStopUnrecorded(DateTimeOffset.FromUnixTimeMilliseconds(_reachedMs));
        }
    }

    /// <param name="judge">whether a failure or a recovery tells the fleet (not at the stop: the process is ending)</param>
    private async Task RecordAsync(bool judge, CancellationToken cancellationToken)
    {
        long untilMs;
        var step = _steps?.Look();
        try
        {
            await using var db = databases.CreateDbContext();
            if (step is { } stepped && !_unreachable)
            {
                // The host's clock was set (FleetClock forgives the step now): like a spell without the database, the step is a
                // gap for the next start too, so a new run begins. Set back, this run ends no later than the new time — its
                // later times were never real — or a start after a step back would count them as listened.
                var toMs = stepped.To.ToUnixTimeMilliseconds();
                if (stepped.To < stepped.From)
                {
                    await db.ListeningRuns.Where(r => r.Id == _run && r.UntilMs > toMs)
                        .ExecuteUpdateAsync(set => set.SetProperty(r => r.UntilMs, toMs), cancellationToken);
                }
                _run = Guid.NewGuid().ToString("N");
                _fromMs = toMs;
            }
            if (_unreachable)
            {
                // Back after a spell without the database? A write begun in the spell may have waited through all of it, so
                // the database is asked first and the new run (the spell is a gap for the next start too) begins once it answers.
                await db.ListeningRuns.AsNoTracking().AnyAsync(cancellationToken);
                _run = Guid.NewGuid().ToString("N");
                _fromMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            }
            untilMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var moved = await db.ListeningRuns.Where(r => r.Id == _run)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.UntilMs, untilMs), cancellationToken);
            if (moved == 0)
            {
                db.ListeningRuns.Add(new ListeningRunRow { Id = _run, FromMs = _fromMs, UntilMs = untilMs });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // The database is down or busy: the run ends at the last moment it was reached, and from that moment the fleet
            // stops counting the terminals' silence until it is reached again. Said once when it begins (the pause is that
            // line), once a minute while it lasts and once when it ends: a warning every 5 s buried the line that said why.
            var notice = _failures?.Failed();
            if (judge && !_unreachable)
            {
                _unreachable = true;
                var since = DateTimeOffset.FromUnixTimeMilliseconds(_reachedMs);
                LogPaused(since, Failure(ex), fleet.PauseListening(since));
            }
            else if (notice is { Kind: OutageNoticeKind.Began }) LogFailed(Failure(ex));
            else if (notice is { Kind: OutageNoticeKind.Lasts } lasts) LogStillFailing(lasts.Since, Failure(ex), lasts.Failures);
            return;
        }
        _reachedMs = untilMs;
        var ended = _failures?.Succeeded();
        if (!_unreachable) return;
        _unreachable = false;
        var back = DateTimeOffset.FromUnixTimeMilliseconds(_fromMs);
        if (judge) LogResumed(back, (long)(ended?.Lasted.TotalSeconds ?? 0), fleet.ResumeListening(back));
    }

    /// <summary>
    /// The failure in one line: the driver's message names the database's state; its stack trace is ours, the same every
    /// time. EF's own wrapper (a failed insert) says only "see the inner exception": the driver's is said instead.
    /// </summary>
    private static string Failure(Exception exception) => DatabaseFailure.Describe(exception);

    private async Task ForgetOldRunsAsync(CancellationToken cancellationToken)
    {
        var beforeMs = (time.GetUtcNow() - KeptFor).ToUnixTimeMilliseconds();
        try
        {
            await using var db = databases.CreateDbContext();
            await db.ListeningRuns.Where(r => r.UntilMs < beforeMs).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            if (_failures?.Failed() is { Kind: OutageNoticeKind.Began }) LogFailed(Failure(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording that FleetOps is up failed ({Failure}); trying again every few seconds, said again once a minute while it fails")]
    private partial void LogFailed(string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stop took longer than the shutdown timeout before its end could be recorded: this run ends at {Until:O} in the record, as after a crash")]
    private partial void LogStopUnrecorded(DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording that FleetOps is up still fails since {Since:O} ({Failure}); {Attempts} attempts failed in the last minute")]
    private partial void LogStillFailing(DateTimeOffset since, string failure, long attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database was last reached at {Since:O} ({Failure}): terminals are answered 503, and no terminal counts as offline until it is reached again ({Changed} terminals judged again); said again once a minute while it lasts")]
    private partial void LogPaused(DateTimeOffset since, string failure, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is reached again at {Back:O}, after {Seconds} s out of reach: terminals online before the outage have the time they had left from now ({Changed} terminals judged again)")]
    private partial void LogResumed(DateTimeOffset back, long seconds, int changed);
}
