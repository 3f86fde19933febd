using System.Data.Common;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// PostgreSQL's overlapping group commits (issue 17). With few connections a commit carries few requests, and most of its
/// time is the COMMIT's WAL flush, which the writer used to wait out idle. Now, while group N's COMMIT is in flight on one
/// lane, the writer takes group N+1 from the queue and, when N+1 shares no terminal with N, writes N+1's statements on the
/// other lane. N+1 touches none of N's rows (latest states, heartbeat roll-ups, transactions and events are all keyed by
/// terminal), so it never waits on N's row locks — the earlier attempt that always overlapped halved the 500-event
/// batches for exactly that — and its derivation reads published snapshots that N does not change.
/// <para>Order is kept: N+1 is committed only after N's COMMIT has finished and N is published (fleet, book, statistics,
/// answers), so a 200 still means committed, and a terminal's requests commit in queue order. A group that shares a
/// terminal with N (500-event batches from a few terminals nearly always do) waits for N's commit and publish, then is
/// written as before. While the change follower waits for its turn (<see cref="GroupsInFlight"/>), groups are written
/// without overlap and committed holding the gate, as on SQLite, so the follower's wait ends.</para>
/// <para>Failures: a group whose statements fail lets N finish first, then is isolated in halves as before. A group whose
/// COMMIT fails is isolated in halves on its own lane while N+1 (disjoint) waits open; then N+1's COMMIT is judged on its
/// own, also when N failed because the database is down.</para>
/// </summary>
public sealed partial class EventWriter
{
    // Set when a lane found the database down; the idle lanes are closed before the next group, which reopens them.
    private bool _databaseWasDown;
    private long _overlapped;
    private long _heldBack;

    /// <summary>Groups whose statements were written while the group before them was in its COMMIT (PostgreSQL).</summary>
    public long OverlappedGroups => Interlocked.Read(ref _overlapped);

    /// <summary>Groups that shared a terminal with the group in its COMMIT and so waited for it to finish (PostgreSQL).</summary>
    public long HeldBackGroups => Interlocked.Read(ref _heldBack);

    private async Task WriteOverlappingAsync()
    {
        GroupInFlight? flight = null;
        Task<bool>? queued = null;
        while (true)
        {
            if (flight is null)
            {
                if (!await _queue.Reader.WaitToReadAsync(CancellationToken.None)) return;
            }
            else if (!_queue.Reader.TryPeek(out _))
            {
                // Nothing queued: whichever comes first, a request or the end of the COMMIT. The waiting task is kept
                // across turns, not asked for again each time.
                queued ??= _queue.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
                await Task.WhenAny(flight.Commit, queued);
                if (queued.IsCompleted) queued = null;
                if (!_queue.Reader.TryPeek(out _))
                {
                    await FinishAsync(flight);
                    flight = null;
                    continue;
                }
            }
            flight = await WriteNextAsync(flight, TakeGroup());
        }
    }

    /// <summary>Writes <paramref name="group"/>, beside <paramref name="flight"/> when they share no terminal.</summary>
    /// <returns>the group now in flight, or null when none is</returns>
    private async Task<GroupInFlight?> WriteNextAsync(GroupInFlight? flight, PendingWrite[] group)
    {
        if (flight is not null && (derivation.InFlight.FollowerWaiting || group.Any(w => flight.Terminals.Contains(w.TerminalId))))
        {
            Interlocked.Increment(ref _heldBack);
            await FinishAsync(flight);
            flight = null;
        }
        if (flight is null && _databaseWasDown)
        {
            // An idle lane's connection may have died with the database: open it anew rather than fail a group on it.
            foreach (var idle in _lanes) idle.Close();
            _databaseWasDown = false;
        }
        var lane = flight is null ? _lanes[0] : _lanes[flight.Lane == _lanes[0] ? 1 : 0];
        if (!await OpenAsync(lane, group)) return flight;
        if (flight is null && derivation.InFlight.FollowerWaiting)
        {
            WriteIsolatingRefusals(lane, group);
            return null;
        }
        Written written;
        try
        {
            lock (derivation.Gate)
            {
                written = WriteStatements(lane, group);
                derivation.InFlight.Begin();
            }
        }
        catch (Exception ex)
        {
            // Nothing of this group is in flight. The group before it commits and publishes first, then this one is
            // isolated as on SQLite.
            if (flight is not null) await FinishAsync(flight);
            IsolateRefusals(lane, group, ex);
            return null;
        }
        if (flight is not null)
        {
            Interlocked.Increment(ref _overlapped);
            await FinishAsync(flight);
        }
        return new GroupInFlight(lane, written, group, CommitAsync(written.Transaction));
    }

    private static async Task CommitAsync(DbTransaction transaction) => await transaction.CommitAsync();

    /// <summary>Waits for the group's COMMIT and publishes it; a failed COMMIT is isolated (or, the database down, answered 503).</summary>
    private async Task FinishAsync(GroupInFlight flight)
    {
        try
        {
            await flight.Commit;
        }
        catch (Exception ex)
        {
            RollBack(flight.Written.Transaction);
            flight.Written.Transaction.Dispose();
            lock (derivation.Gate) derivation.InFlight.End();
            IsolateRefusals(flight.Lane, flight.Writes, ex);
            return;
        }
        flight.Written.Transaction.Dispose();
        lock (derivation.Gate)
        {
            Publish(flight.Writes, flight.Written.Committed);
            derivation.InFlight.End();
        }
    }

    /// <summary>A group whose COMMIT was sent and is awaited in <see cref="Commit"/>.</summary>
    private sealed class GroupInFlight(WriterLane lane, Written written, PendingWrite[] writes, Task commit)
    {
        public WriterLane Lane { get; } = lane;
        public Written Written { get; } = written;
        public PendingWrite[] Writes { get; } = writes;
        public Task Commit { get; } = commit;

        // Ignoring case is the safe side: two spellings of one terminal are then taken as shared, never as disjoint.
        public HashSet<string> Terminals { get; } = writes.Select(w => w.TerminalId).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
