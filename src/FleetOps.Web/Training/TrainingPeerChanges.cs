using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Training;

/// <summary>
/// Applies other nodes' training changes (<see cref="BookKinds.TrainingStaff"/>, <see cref="BookKinds.TrainingSession"/>)
/// to this node's <see cref="TrainingBook"/>: rosters and sessions are made by people (thousands), so they are read again
/// and the named ones, and any new to this node, put in, under the book's gate so a change made here meanwhile stands.
/// </summary>
public sealed class TrainingPeerChanges(FleetDbContextFactory databases, TrainingBook book)
{
    public Task ApplyStaffAsync(BookChange change, CancellationToken cancellationToken) => ApplyAsync(change, staff: true, cancellationToken);

    public Task ApplySessionsAsync(BookChange change, CancellationToken cancellationToken) => ApplyAsync(change, staff: false, cancellationToken);

    private async Task ApplyAsync(BookChange change, bool staff, CancellationToken cancellationToken)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var (people, sessions) = await TrainingRows.LoadAllAsync(db, cancellationToken);
            // A session names its people: any new to this node come first.
            foreach (var person in people.Where(p => (staff && change.Ids.Contains(p.Id)) || book.Staff(p.Id) is null)) book.Put(person);
            foreach (var session in sessions.Where(s => (!staff && change.Ids.Contains(s.Id)) || book.Session(s.Id) is null)) book.Put(session);
        }
        finally
        {
            book.Gate.Release();
        }
    }
}
