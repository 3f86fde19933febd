using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Background;

/// <summary>
/// SQLite only: moves the write-ahead log into the database file off the event writer's path. By default the connection
/// that commits past 1,000 WAL pages runs the checkpoint inside its commit — for the writer, every few group commits
/// under load, each one copying 4 MB and syncing the database file while every waiting request waits too (the tail of
/// the single-event latency). The writer's connection therefore has <c>wal_autocheckpoint=0</c>, and this service runs
/// a PASSIVE checkpoint (never blocks the writer or readers) a few times a second on its own connection. A PASSIVE
/// checkpoint cannot rewind a log that is written to all the time, so past <see cref="TruncateAboveFrames"/> frames it
/// asks for a TRUNCATE one, which waits for the writer's current commit once and bounds the file.
/// </summary>
public sealed partial class WalCheckpointer(FleetDbContextFactory databases, TimeProvider time, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    /// <summary>The pragma the writer's connection runs, so that it never checkpoints inside a commit.</summary>
    public const string WriterPragma = "PRAGMA wal_autocheckpoint=0;";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>64 MiB of 4 KiB pages.</summary>
    private const long TruncateAboveFrames = 16_384;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (databases.Provider != DatabaseProvider.Sqlite) return;
        using var timer = new PeriodicTimer(Interval, time);
        DbConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= await OpenAsync(stoppingToken);
                    if (await CheckpointAsync(connection, "PASSIVE", stoppingToken) > TruncateAboveFrames)
                    {
                        await CheckpointAsync(connection, "TRUNCATE", stoppingToken);
                    }
                }
                catch (DbException ex)
                {
                    LogFailed(ex.GetType().Name, ex.Message);
                    await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // FULL: the database file is synced before the log may be rewound, so a power loss cannot take committed events.
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <returns>The frames in the log when the checkpoint ran (-1 when the database is not in WAL mode).</returns>
    private static async Task<long> CheckpointAsync(DbConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken);
        // One row: busy (0/1), frames in the log, frames checkpointed.
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(1) : -1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed ({Failure}: {Detail}); retrying on a new connection")]
    private partial void LogFailed(string failure, string detail);
}
