using System.Runtime.InteropServices;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Hosting;

/// <summary>
/// <c>FleetOps.Web backup &lt;file&gt;</c>: an online backup of the SQLite database the server's settings name (the same
/// appsettings, environment and command line), taken while the server runs. PostgreSQL is backed up with its own tools
/// (docs/operations.md), so the command refuses it rather than pretend.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync("Usage: FleetOps.Web backup <file> [settings, e.g. --ConnectionStrings:FleetOps=...]");
            return 2;
        }
        var configuration = WebApplication.CreateBuilder(HostPaths.Options(args[2..])).Configuration;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? database.ConnectionString;
        if (database.Provider != DatabaseProvider.Sqlite || database.SqliteFile is not { } file)
        {
            await Console.Error.WriteLineAsync("The backup command copies a SQLite file; back up PostgreSQL with pg_dump or continuous archiving (docs/operations.md).");
            return 2;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"There is no database at {file}.");
            return 1;
        }
        // A stop (timeout(1) around a cron job, systemctl stop, Ctrl+C) ends the process at once, by the signal, before
        // the copy's own clean-up runs: a partial copy as large as the database was left beside the target each time
        // (a dated target name a day). The copy itself is one call into SQLite that cannot be cancelled, so the handler
        // deletes what it wrote and lets the signal end the process as it would have (exit 143 for SIGTERM, 130 for SIGINT).
        var stoppedWith = 0; // the exit code of the signal that stopped the copy (128 + its number), once one did
        void Abandon(PosixSignalContext context)
        {
            Volatile.Write(ref stoppedWith, ExitCodeOf(context.Signal));
            if (SqliteBackup.DeletePartial(args[1])) Console.Error.WriteLine($"The backup was stopped ({context.Signal}) before it finished; the partial copy was deleted.");
        }
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Abandon);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Abandon);
        using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Abandon);
        try
        {
            var bytes = await SqliteBackup.CopyAsync(database.ConnectionString, args[1]);
            Console.WriteLine($"Backed up {file} to {Path.GetFullPath(args[1])} ({bytes:N0} bytes).");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The handler deleted the copy under SQLite's feet (the rename of the finished copy then finds nothing): the
            // backup did not fail, it was stopped, and the process may get here before the signal ends it. It ends as the
            // signal would have, not with 1 (seen on a loaded CI machine).
            if (Volatile.Read(ref stoppedWith) is > 0 and var signalled) return signalled;
            await Console.Error.WriteLineAsync($"The backup failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>What a shell reports for a process ended by the signal: 128 + its number.</summary>
    private static int ExitCodeOf(PosixSignal signal) => 128 + signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGTERM => 15,
        _ => 0,
    };
}
