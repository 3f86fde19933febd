using System.Data.Common;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Announces changes made through EF (registrations, and the books' changes: <see cref="BookChange"/>) to the other nodes: the <c>NodeChanges</c> row joins the change's
/// own SaveChanges (one transaction: no change unannounced, no announcement of a change rolled back), and a NOTIFY after
/// the commit wakes the followers at once. Alone (<see cref="ChangeFanOut.Enabled"/> off) it does nothing.
/// </summary>
public sealed class ChangeAnnouncer(ChangeFanOut fanOut, TimeProvider time)
{
    private const string Notify = "NOTIFY " + ChangeFanOut.Channel;

    /// <summary>Adds the announcement to the context's pending changes; the caller's SaveChanges writes both or neither.</summary>
    public void Stage(FleetDbContext db, RegistrationChange change) => Stage(db, ChangeFanOut.RegistrationKind, change.Serialize);

    /// <summary>The same for a book's rows (<paramref name="kind"/> from <see cref="BookKinds"/>).</summary>
    public void Stage(FleetDbContext db, string kind, BookChange change) => Stage(db, kind, change.Serialize);

    private void Stage(FleetDbContext db, string kind, Func<string> payload)
    {
        if (!fanOut.Enabled) return;
        db.NodeChanges.Add(new NodeChangeRow
        {
            Node = fanOut.Node, Kind = kind, Payload = payload(), AtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>
    /// After the commit. Best effort: the change is stored and announced already, and the followers' periodic read finds
    /// it within a second, so a failed NOTIFY must not turn a done registration into an error.
    /// </summary>
    public async Task WakeAsync(FleetDbContext db, CancellationToken cancellationToken)
    {
        if (!fanOut.Enabled) return;
        try
        {
            await db.Database.ExecuteSqlRawAsync(Notify, cancellationToken);
        }
        catch (DbException)
        {
            // The periodic read covers it.
        }
    }

    /// <summary>
    /// For a change written without EF (the bulk import's own commands): the <c>NodeChanges</c> row joins the change's own
    /// transaction, as <see cref="Stage(FleetDbContext, RegistrationChange)"/> does for EF's, so a crash or a caller gone
    /// between the change's COMMIT and its announcement cannot leave other nodes without it.
    /// </summary>
    public async Task StageAsync(DbConnection connection, DbTransaction transaction, RegistrationChange change, CancellationToken cancellationToken)
    {
        if (!fanOut.Enabled) return;
        await using var insert = CommandParameters.Command(connection, transaction, NodeChangeRow.InsertSql + " VALUES (@node, @kind, @payload, @at)",
            "@node", "@kind", "@payload", "@at");
        await CommandParameters.RunAsync(insert, cancellationToken, fanOut.Node, ChangeFanOut.RegistrationKind, change.Serialize(),
            time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>After the commit of <see cref="StageAsync"/>'s transaction, on its connection: best effort, as <see cref="WakeAsync(FleetDbContext, CancellationToken)"/>.</summary>
    public async Task WakeAsync(DbConnection connection)
    {
        if (!fanOut.Enabled) return;
        try
        {
            await using var notify = connection.CreateCommand();
            notify.CommandText = Notify;
            await notify.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The periodic read covers it.
        }
    }
}
