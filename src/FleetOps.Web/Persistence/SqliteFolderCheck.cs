namespace FleetOps.Web.Persistence;

/// <summary>
/// Before the server starts on a SQLite file: can FleetOps write it and the folder it is in? SQLite opens a file it may
/// not write read-only without a word, so a server on a read-only file started, loaded the fleet and answered every
/// terminal 503 from then on; a folder it may not write, a folder it cannot create or a path naming a folder stopped the
/// start with the runtime's exception and stack trace (for a folder: "The file … already exists"). Each is now one line
/// that names the path and what to do, logged like a wrong setting, and the process ends with exit code 1.
/// </summary>
public static class SqliteFolderCheck
{
    /// <returns>Why FleetOps cannot use the file, or null when it can (or the database is not a SQLite file).</returns>
    public static string? Problem(DatabaseOptions options)
    {
        if (options.SqliteFile is not { } file) return null;
        const string Key = DatabaseOptions.ConnectionStringKey;
        if (Directory.Exists(file))
        {
            return $"{Key} names the folder {file}, not a database file: name a file in it, e.g. Data Source={Path.Combine(file, "fleetops.db")}.";
        }
        var folder = options.DataFolder;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The database folder {folder} cannot be created ({ex.Message}): create it for FleetOps's user, or set {Key} to a file in a folder that user may write.";
        }
        // SQLite writes the -wal and -shm files beside the database, FleetOps its .lock and certificate: the folder itself
        // must take new files, not only the database file.
        var probe = Path.Combine(folder, $".fleetops-write-check-{Guid.NewGuid():N}");
        try
        {
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"FleetOps cannot write in the database folder {folder} ({ex.Message}): SQLite keeps its -wal and -shm files beside "
                + $"the database. Give FleetOps's user write access to the folder, or set {Key} to a file in a folder that user may write.";
        }
        if (!File.Exists(file)) return null;
        try
        {
            new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"FleetOps cannot write the database file {file} ({ex.Message}): give FleetOps's user write access to it "
                + "(and to its -wal and -shm files, if any), or restore a copy it may write.";
        }
        return null;
    }
}
