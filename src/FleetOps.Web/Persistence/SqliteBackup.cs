using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Persistence;

/// <summary>
/// An online copy of the SQLite database through SQLite's own backup API (issue 17), safe while the server ingests: in
/// WAL mode the copy is read in one step inside one read transaction, so it is one consistent snapshot — every commit
/// acknowledged before the copy began is in it — and the writer is never blocked. The copy is written beside its target
/// and renamed into place, so a target that exists is always a complete database.
/// </summary>
public static class SqliteBackup
{
    /// <returns>The size of the finished copy in bytes.</returns>
    public static async Task<long> CopyAsync(string sourceConnectionString, string target, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full)) throw new IOException($"{full} exists already; a backup never overwrites a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = Partial(full);
        File.Delete(partial);
        try
        {
            OwnerOnlyFile.CreateEmpty(partial); // the copy holds what the database holds; the rename keeps the mode
            await using (var source = new SqliteConnection(sourceConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                // The copy keeps the source's WAL mode; fold its log in so the one file is the whole backup.
                await using var checkpoint = copy.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }
            File.Move(partial, full);
            return new FileInfo(full).Length;
        }
        finally
        {
            DeletePartial(full);
        }
    }

    /// <summary>
    /// Deletes what an unfinished copy to <paramref name="target"/> has written so far: the partial copy and SQLite's
    /// files beside it. Safe while the copy still writes (the open file goes on to an unlinked inode).
    /// </summary>
    /// <returns>Whether there was a partial copy.</returns>
    public static bool DeletePartial(string target)
    {
        var partial = Partial(Path.GetFullPath(target));
        var existed = File.Exists(partial);
        foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" }) File.Delete(leftover);
        return existed;
    }

    private static string Partial(string fullTarget) => fullTarget + ".partial";
}
