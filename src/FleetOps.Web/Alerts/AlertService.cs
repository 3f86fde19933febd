using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Turns what the detectors find into alerts (<see cref="AlertLifecycle"/>), and records people's acknowledgements and
/// mute windows. Every change is saved first — with its audit line when a person made it — and only then published to the
/// <see cref="AlertBook"/>, so what pages and notifications see is committed. Changes are serialised: the evaluator and a
/// person acknowledging the same alert must not both win.
/// </summary>
public sealed partial class AlertService(
    FleetDbContextFactory databases, AlertBook book, IEnumerable<IAlertSource> sources, IEnumerable<IAlertTransitionSink> sinks,
    ChangeAnnouncer announcer, TimeProvider time, IOptions<AlertOptions> options, ILogger<AlertService> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AlertOptions _options = options.Value;

    /// <summary>Every active alert, the resolved ones that may still reopen, and the mutes not over yet.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var reopenSince = (now - _options.ReopenWithin).ToUnixTimeMilliseconds();
        var resolved = AlertState.Resolved.ToWire();
        await using var db = databases.CreateDbContext();
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.State != resolved || a.ResolvedAtMs >= reopenSince).ToListAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        var mutes = await db.Mutes.AsNoTracking().Where(m => m.UntilMs > nowMs).ToListAsync(cancellationToken);
        // Oldest first: a subject with several rows keeps its newest.
        book.Load(alerts.OrderBy(a => a.OpenedAtMs).ThenBy(a => a.Id).Select(a => a.ToAlert()), mutes.Select(m => m.ToMute()));
    }

    /// <summary>
    /// <see cref="LoadAsync"/> while the node runs (it has just taken the lead): under the same gate as every change, so an
    /// acknowledgement made meanwhile is not overwritten by the older row.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Another node (the elected evaluator, or a person acknowledging there) changed these alerts: their rows replace this
    /// node's copies, under the gate of this node's own changes so an older read never overwrites a newer change.
    /// </summary>
    public async Task ApplyFromPeerAsync(BookChange change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ReadIntoBookAsync([.. change.Ids], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Another node muted or unmuted: the mute windows in force are read again (a handful of rows).</summary>
    public async Task ApplyMutesFromPeerAsync(BookChange change, CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = databases.CreateDbContext();
        var mutes = await db.Mutes.AsNoTracking().Where(m => m.UntilMs > nowMs).ToListAsync(cancellationToken);
        book.ReplaceMutes(mutes.Select(m => m.ToMute()).ToList());
    }

    /// <summary>One evaluation: every source's findings against the alerts alive now; returns what changed.</summary>
    public async Task<IReadOnlyList<AlertChange>> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            book.Prune(now, _options.ReopenWithin);
            var kinds = sources.SelectMany(s => s.Kinds).ToHashSet();
            var conditions = sources.SelectMany(s => s.Conditions(now));
            var changes = AlertLifecycle.Step(book.Latest, conditions, kinds, now, _options.ReopenWithin, _options.TouchEvery);
            if (changes.Count == 0) return changes;
            if (await SaveAsync(changes, audit: null, cancellationToken) is not { } saved)
            {
                // Another node changed one of these alerts since this book last heard of it; the book has its row now,
                // and the next evaluation judges from there.
                LogChangedElsewhere("evaluation");
                return [];
            }
            var opened = saved.Count(c => c.Transition is AlertTransition.Opened or AlertTransition.Reopened);
            var resolved = saved.Count(c => c.Transition == AlertTransition.Resolved);
            if (opened + resolved > 0) LogEvaluated(opened, resolved);
            return saved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Someone has seen the alert (docs/api.md §5): audited with their note; a resolved alert cannot be. Acknowledging it
    /// again changes nothing: who saw it first, and when, is what the alert centre and its webhooks have already said.
    /// </summary>
    public async Task<AcknowledgeResult> AcknowledgeAsync(long id, string actor, string? note, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Judged again from the stored row when another node changed the alert meanwhile (resolved it, say).
            for (var attempt = 1; ; attempt++)
            {
                if (book.Get(id) is not { } alert)
                {
                    // Not alive in memory: either unknown, or resolved long ago.
                    await using var db = databases.CreateDbContext();
                    return new AcknowledgeResult(null, await db.Alerts.AnyAsync(a => a.Id == id, cancellationToken));
                }
                if (alert.State == AlertState.Acknowledged) return new AcknowledgeResult(alert, true, Changed: false);
                if (AlertLifecycle.Acknowledge(alert, actor, note, time.GetUtcNow()) is not { } change) return new AcknowledgeResult(null, true);
                var audit = AuditLog.Row(change.Alert.AcknowledgedAt!.Value, actor, AuditActions.AlertAcknowledged, Target(alert),
                    string.IsNullOrWhiteSpace(note) ? null : note, remoteAddress);
                if (await SaveAsync([change], audit, cancellationToken) is { } saved) return new AcknowledgeResult(saved[0].Alert, true);
                LogChangedElsewhere("acknowledgement");
                if (attempt == StaleCopy.Attempts) throw new DbUpdateConcurrencyException($"Alert {id} kept changing on another node.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<MuteWindow> MuteAsync(string storeCode, string? terminalId, DateTimeOffset from, DateTimeOffset until, string reason,
        string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var row = new MuteRow
        {
            StoreCode = storeCode, TerminalId = terminalId, FromMs = from.ToUnixTimeMilliseconds(), UntilMs = until.ToUnixTimeMilliseconds(),
            Reason = reason, CreatedBy = actor, CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Mutes.Add(row);
        db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor, AuditActions.MuteCreated, terminalId ?? storeCode,
            $"{from:u} – {until:u}: {reason}", remoteAddress));
        announcer.Stage(db, BookKinds.Mute, BookChange.Of()); // the id is not known yet; the other nodes re-read every mute
        await db.SaveChangesAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        var mute = row.ToMute();
        book.PutMute(mute);
        return mute;
    }

    /// <summary>Ends a mute window now (deletes it); false when there is none with this id.</summary>
    public async Task<bool> UnmuteAsync(MuteWindow mute, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        if (await db.Mutes.FirstOrDefaultAsync(m => m.Id == mute.Id, cancellationToken) is not { } row) return false;
        db.Mutes.Remove(row);
        db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor, AuditActions.MuteDeleted, mute.TerminalId ?? mute.StoreCode, mute.Reason, remoteAddress));
        announcer.Stage(db, BookKinds.Mute, BookChange.Of(mute.Id));
        await db.SaveChangesAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        book.RemoveMute(mute);
        return true;
    }

    /// <summary>
    /// Saves the alerts' new states (new ones get their ids) with an optional audit line and what the
    /// <see cref="IAlertTransitionSink"/>s add (the webhook outbox), in one transaction, then publishes them. An alert is
    /// updated only if its row is still the state this node's book holds (the concurrency columns of
    /// <c>AlertConfiguration</c>); when another node changed one first, nothing is saved, the changed rows are read into the
    /// book, and null says to decide again.
    /// </summary>
    private async Task<IReadOnlyList<AlertChange>?> SaveAsync(IReadOnlyList<AlertChange> changes, AuditEntryRow? audit, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = new List<(AlertChange Change, AlertRow Row)>(changes.Count);
        foreach (var change in changes)
        {
            AlertRow row;
            if (change.Alert.Id == 0)
            {
                row = change.Alert.CopyTo();
                db.Alerts.Add(row);
            }
            else
            {
                // The state the change was decided from is what the update expects to find; then the new state.
                row = (book.Get(change.Alert.Id) ?? change.Alert).CopyTo();
                row.Id = change.Alert.Id;
                db.Alerts.Attach(row);
                change.Alert.CopyTo(row);
            }
            rows.Add((change, row));
        }
        if (audit is not null) db.AuditEntries.Add(audit);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // new alerts get their ids
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            await ReadIntoBookAsync([.. changes.Where(c => c.Alert.Id != 0).Select(c => c.Alert.Id)], cancellationToken);
            return null;
        }
        var saved = rows.Select(r => r.Change with { Alert = r.Change.Alert with { Id = r.Row.Id } }).ToList();
        var now = time.GetUtcNow();
        foreach (var sink in sinks) sink.Add(db, saved, now);
        announcer.Stage(db, BookKinds.Alert, new BookChange(saved.Select(c => c.Alert.Id).ToList()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        book.Put(saved.Select(c => c.Alert).ToList());
        return saved;
    }

    /// <summary>The stored rows of these alerts replace the book's copies (the caller holds the gate).</summary>
    private async Task ReadIntoBookAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        book.Put(rows.OrderBy(a => a.OpenedAtMs).ThenBy(a => a.Id).Select(a => a.ToAlert()).ToList());
    }

    private static string Target(Alert alert) => $"{alert.Kind.ToWire()} {alert.TerminalId ?? alert.StoreCode}";

    [LoggerMessage(Level = LogLevel.Information, Message = "An alert changed on another node before this node's {Change} was saved: decided again from the stored row")]
    private partial void LogChangedElsewhere(string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts: {Opened} opened or reopened, {Resolved} resolved")]
    private partial void LogEvaluated(int opened, int resolved);
}
