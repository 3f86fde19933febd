using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Background;

/// <summary>
/// SQLite only: keeps the write-ahead log's file bounded. The event writer checkpoints the log itself, inside the commit
/// that fills it (<see cref="DatabaseOptions.WalCheckpointPages"/>); such a checkpoint is PASSIVE, and while readers hold
/// an old snapshot it cannot rewind the log, which then grows. Past <see cref="DatabaseOptions.WalLimitMegabytes"/> this
/// service asks for a TRUNCATE checkpoint on its own connection: it waits for readers once and gives the file back.
/// Judged by the file's size, so that it costs nothing while the log is small: a checkpoint beside the writer doubled the
/// single-event p99 (docs/benchmarks.md).
/// </summary>
public sealed partial class WalCheckpointer(FleetDbContextFactory databases, TimeProvider time, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = databases.Options.SqliteFile;
        if (file is null) return;
        var log = new FileInfo(file + "-wal");
        var limit = databases.Options.WalLimitMegabytes * 1024L * 1024L;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                log.Refresh();
                if (!log.Exists || log.Length <= limit) continue;
                try
                {
                    await TruncateAsync(stoppingToken);
                    LogTruncated(log.Length / (1024 * 1024));
                }
                catch (DbException ex)
                {
                    LogFailed(ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TruncateAsync(CancellationToken cancellationToken)
    {
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var checkpoint = connection.CreateCommand();
        // FULL: the database file is synced before the log is cut, so a power loss cannot take committed events.
        checkpoint.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The write-ahead log had grown to {Megabytes} MB; truncated it")]
    private partial void LogTruncated(long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Truncating the write-ahead log failed ({Failure}: {Detail}); trying again in a second")]
    private partial void LogFailed(string failure, string detail);
}
