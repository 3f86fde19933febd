namespace FleetOps.Web.Persistence;

/// <summary>
/// SQLite serves one FleetOps server at a time. Each server keeps the fleet in memory and, alone on SQLite, leads the
/// work that must happen once (alerts, webhooks and mail, plans, retention): a second server started on the same file
/// — a second <c>dotnet run</c>, a new version started before the old one stopped — kept a fleet of its own (a
/// terminal registered through one was unknown to the other) and led that work a second time. So the server holds an exclusive lock on <c>&lt;database&gt;.lock</c>
/// while it runs, and a second one refuses to start. The operating system drops the lock when the process ends, even
/// on <c>kill -9</c>; the empty file stays. Not a lock on the database file itself: SQLite's own locks on that file are
/// dropped when any other handle on it is closed.
/// </summary>
public sealed class SqliteServerLock(FleetDbContextFactory databases) : IDisposable
{
    private FileStream? _held;

    /// <summary>Takes the lock for this server's lifetime; nothing to take for PostgreSQL or in-memory SQLite.</summary>
    /// <exception cref="DatabaseInUseException">Another server holds it.</exception>
    public void Take()
    {
        if (_held is not null || databases.Options.SqliteFile is not { } file) return;
        var path = file + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile.Mode;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing mode on Windows.
            _held = new FileStream(path, options);
        }
        catch (IOException ex)
        {
            throw new DatabaseInUseException(file, path, ex);
        }
    }

    public void Dispose() => _held?.Dispose();
}
