using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Background;

/// <summary>
/// Hands the memory a burst of work left behind back to the operating system once the server is quiet again: one
/// aggressive, compacting collection, when <see cref="HeapTrimPolicy"/> says so (read each second). Without it the
/// collector keeps a load's peak committed for as long as nothing allocates — which, on an idle server, is forever.
/// Off with <c>FleetOps:Memory:TrimWhenQuiet=false</c>.
/// </summary>
public sealed partial class HeapTrimmer : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly bool _enabled;
    private readonly Func<long> _allocated;
    private readonly Func<long> _committed;
    private readonly Action _collect;
    private readonly ILogger<HeapTrimmer> _logger;
    private int _readings;
    private volatile bool _watching;

    public HeapTrimmer(TimeProvider time, IOptions<MemoryOptions> options, ILogger<HeapTrimmer> logger)
        : this(time, options.Value.TrimWhenQuiet, () => GC.GetTotalAllocatedBytes(), () => GC.GetGCMemoryInfo().TotalCommittedBytes,
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), logger)
    {
    }

    /// <summary>For tests: the allocation counter, the committed memory and the collection are the test's.</summary>
    internal HeapTrimmer(TimeProvider time, bool enabled, Func<long> allocated, Func<long> committed, Action collect, ILogger<HeapTrimmer> logger)
    {
        _time = time;
        _enabled = enabled;
        _allocated = allocated;
        _committed = committed;
        _collect = collect;
        _logger = logger;
    }

    /// <summary>Readings taken so far (tests wait on it to move the clock one reading at a time).</summary>
    internal int Readings => Volatile.Read(ref _readings);

    /// <summary>Its timer exists: from now on each interval of the clock is one reading (ExecuteAsync runs on its own thread).</summary>
    internal bool Watching => _watching;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_enabled) return;
        var policy = new HeapTrimPolicy(_allocated(), _committed(), _time.GetUtcNow());
        using var timer = new PeriodicTimer(Interval, _time);
        _watching = true;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var committedBefore = _committed();
                if (policy.Observe(_allocated(), committedBefore, _time.GetUtcNow())) Collect(policy, committedBefore);
                Interlocked.Increment(ref _readings);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Collect(HeapTrimPolicy policy, long committedBefore)
    {
        var watch = Stopwatch.StartNew();
        _collect();
        watch.Stop();
        var committedAfter = _committed();
        policy.Collected(_allocated(), committedAfter, _time.GetUtcNow());
        LogCollected(watch.ElapsedMilliseconds, committedBefore / (1024 * 1024), committedAfter / (1024 * 1024));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Quiet after a burst of work: one compacting collection took {Milliseconds} ms; the collector held {CommittedBefore} MB, now {CommittedAfter} MB")]
    private partial void LogCollected(long milliseconds, long committedBefore, long committedAfter);
}
