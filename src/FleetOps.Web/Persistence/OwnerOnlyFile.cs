namespace FleetOps.Web.Persistence;

/// <summary>
/// SQLite files readable by their owner only (0600) on Unix: the database and its backups hold terminal key hashes,
/// users and payment records, and SQLite itself creates a file 0644 (less the umask). SQLite gives a database's
/// <c>-wal</c>, <c>-shm</c> and <c>-journal</c> the mode of the database file, so creating the (empty) file first is
/// enough; an empty file is a new database to SQLite.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 unless it exists; an existing file is left as it is.</summary>
    public static void CreateEmpty(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path)) return;
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made meanwhile by another process (a second node started at once): that one made it the same way.
        }
    }

    /// <summary>The mode of an existing file that others than its owner may read or write, else null.</summary>
    public static UnixFileMode? OpenToOthers(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return null;
        var mode = File.GetUnixFileMode(path);
        return (mode & ~(Mode | UnixFileMode.UserExecute)) != 0 ? mode : null;
    }
}
