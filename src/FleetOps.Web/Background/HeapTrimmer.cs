using System.Diagnostics;

namespace FleetOps.Web.Background;

/// <summary>
/// Hands the GC's unused committed memory back to the operating system when <see cref="HeapTrimRule"/> says so: one
/// aggressive (compacting, decommitting) collection, as the start-up does once after the rebuild. A GC setting could
/// not do this: <c>GCConserveMemory</c> compacts during the load itself and cost 7–10 % of ingest (docs/benchmarks.md).
/// </summary>
public sealed partial class HeapTrimmer(TimeProvider time, ILogger<HeapTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeapTrimRule.CheckInterval, time);
        var allocated = GC.GetTotalAllocatedBytes();
        var lastTrim = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var nowAllocated = GC.GetTotalAllocatedBytes();
                var info = GC.GetGCMemoryInfo();
                var live = info.HeapSizeBytes - info.FragmentedBytes;
                var allocatedSince = nowAllocated - allocated;
                allocated = nowAllocated;
                if (!HeapTrimRule.ShouldTrim(info.TotalCommittedBytes, live, allocatedSince, time.GetElapsedTime(lastTrim))) continue;
                var watch = Stopwatch.StartNew();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var freed = info.TotalCommittedBytes - GC.GetGCMemoryInfo().TotalCommittedBytes;
                lastTrim = time.GetTimestamp();
                allocated = GC.GetTotalAllocatedBytes();
                LogTrimmed(freed / (1024 * 1024), watch.ElapsedMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned {Megabytes} MB of unused heap to the operating system in {Milliseconds} ms")]
    private partial void LogTrimmed(long megabytes, long milliseconds);
}
