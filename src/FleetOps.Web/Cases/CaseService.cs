using FleetOps.Core.Cases;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Cases;

/// <summary>
/// Opens and changes recovery cases. Every change is the case's new state plus one trail entry (from
/// <see cref="CaseWorkflow"/>), saved in one transaction, then published to the <see cref="CaseBook"/>; changes are
/// serialised (people work cases at human speed, and two clicks on the same case must not both win): on this node by a
/// gate, across nodes by deciding from the stored row and writing only over that row.
/// Callers check the user's scope first: this class trusts the store it is given.
/// </summary>
public sealed partial class CaseService(FleetDbContextFactory databases, CaseBook book, ChangeAnnouncer announcer, TimeProvider time,
    ILogger<CaseService> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.Cases.AsNoTracking().ToListAsync(cancellationToken);
        book.Load(rows.Select(r => r.ToCase()));
    }

    /// <summary>
    /// Another node changed these cases: their rows, read after that node's commit, replace this node's copies. Under the
    /// same gate as this node's own changes, so an older read never overwrites a newer change made here meanwhile.
    /// </summary>
    public async Task ApplyFromPeerAsync(BookChange change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var ids = change.Ids.ToList();
            var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var row in rows) book.Put(row.ToCase());
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RecoveryCase> ReadIntoBookAsync(string terminalId, string transactionId, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var stored = (await db.Cases.AsNoTracking().SingleAsync(c => c.TerminalId == terminalId && c.TransactionId == transactionId, cancellationToken)).ToCase();
        book.Put(stored);
        return stored;
    }

    /// <summary>The transaction's case, opened now when it has none (opening twice gives the same case).</summary>
    public async Task<RecoveryCase> OpenAsync(string terminalId, string transactionId, string storeCode, string actor,
        CancellationToken cancellationToken = default)
    {
        if (book.For(terminalId, transactionId) is { } existing) return existing;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (book.For(terminalId, transactionId) is { } raced) return raced;
            var (opened, entry) = CaseWorkflow.Open(0, terminalId, transactionId, storeCode, actor, time.GetUtcNow());
            await using var db = databases.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var row = new CaseRow
            {
                TerminalId = terminalId, TransactionId = transactionId, StoreCode = storeCode, Step = "", OpenedBy = actor,
                OpenedAtMs = opened.OpenedAt.ToUnixTimeMilliseconds(),
            };
            opened.CopyTo(row, opened.OpenedAt);
            db.Cases.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Another node opened it a moment ago (its notice has not reached this node yet): that is the case.
                await tx.RollbackAsync(cancellationToken);
                return await ReadIntoBookAsync(terminalId, transactionId, cancellationToken);
            }
            db.CaseEntries.Add(entry.ToRow(row.Id));
            db.AuditEntries.Add(Audit(opened, entry, AuditActions.CaseOpened));
            announcer.Stage(db, BookKinds.Case, BookChange.Of(row.Id));
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            var saved = opened with { Id = row.Id };
            book.Put(saved);
            return saved;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<RecoveryCase> AdvanceAsync(long caseId, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseAdvanced, (c, now) => CaseWorkflow.Advance(c, actor, now));

    public Task<RecoveryCase> AssignOwnerAsync(long caseId, string? owner, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseOwnerChanged, (c, now) => CaseWorkflow.AssignOwner(c, owner, actor, now));

    public Task<RecoveryCase> SetBankReferenceAsync(long caseId, string? reference, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseBankReferenceSet, (c, now) => CaseWorkflow.SetBankReference(c, reference, actor, now));

    public Task<RecoveryCase> AddNoteAsync(long caseId, string text, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseNoteAdded, (c, now) => (c, CaseWorkflow.Note(text, actor, now)));

    public Task<RecoveryCase> ResolveAsync(long caseId, CaseOutcome outcome, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseResolved, (c, now) => CaseWorkflow.Resolve(c, outcome, actor, now));

    public Task<RecoveryCase> ReopenAsync(long caseId, string actor) =>
        ChangeAsync(caseId, AuditActions.CaseReopened, (c, now) => CaseWorkflow.Reopen(c, actor, now));

    /// <summary>The case's trail, oldest first.</summary>
    public async Task<IReadOnlyList<CaseEntry>> TrailAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// Resolves the open case of each transaction that closed by itself: settled means the money arrived late;
    /// reversed or voided means the customer got it back. Returns how many cases it resolved.
    /// </summary>
    public Task<int> AutoResolveAsync(IEnumerable<TransactionRecord> closed, CancellationToken cancellationToken = default) =>
        AutoResolveAsync(closed.Select(r => (r, CaseWords.AutomaticOutcome(r))), cancellationToken);

    /// <summary>
    /// Resolves the open case of each transaction with the outcome given (null: leave it open) — "re-credited" when an
    /// acquirer's report credited a sale that was not credited (issue 16).
    /// </summary>
    public async Task<int> AutoResolveAsync(IEnumerable<(TransactionRecord Record, CaseOutcome? Outcome)> closed, CancellationToken cancellationToken = default)
    {
        var resolved = 0;
        foreach (var (record, decided) in closed)
        {
            if (book.For(record.TerminalId, record.TransactionId) is not { IsResolved: false } open) continue;
            if (decided is not { } outcome) continue;
            try
            {
                await ChangeAsync(open.Id, AuditActions.CaseResolved, (c, now) => c.IsResolved
                    ? throw new CaseRuleException("Resolved meanwhile.")
                    : CaseWorkflow.Resolve(c, outcome, SystemActor, now, automatic: true, why: Why(record, outcome)), cancellationToken);
                resolved++;
                LogAutoResolved(open.Id, CaseWords.Words(outcome));
            }
            catch (CaseRuleException)
            {
                // Someone resolved it by hand between the event and now; their outcome stands.
            }
        }
        return resolved;
    }

    /// <summary>
    /// Start-up: cases still open whose transaction closed while the server was down (or before the auto-resolver
    /// had run) are resolved now, so a restart never leaves a case open for money that already arrived.
    /// </summary>
    /// <param name="stillAtRisk">Closed transactions whose money is still in question (settled but not credited): left open.</param>
    public async Task<int> ReconcileAsync(Func<string, string, bool>? stillAtRisk = null, CancellationToken cancellationToken = default)
    {
        var open = book.All.Where(c => !c.IsResolved && stillAtRisk?.Invoke(c.TerminalId, c.TransactionId) != true)
            .Select(c => (c.TerminalId, c.TransactionId)).ToHashSet();
        if (open.Count == 0) return 0;
        await using var db = databases.CreateDbContext();
        // Narrowed by both key columns (EF cannot match pairs); the exact pairs are picked below.
        var terminals = open.Select(o => o.TerminalId).Distinct().ToList();
        var transactions = open.Select(o => o.TransactionId).Distinct().ToList();
        var rows = await db.Transactions.AsNoTracking()
            .Where(t => t.Closed && terminals.Contains(t.TerminalId) && transactions.Contains(t.TransactionId))
            .Select(t => new { t.TerminalId, t.TransactionId, t.RecordJson })
            .ToListAsync(cancellationToken);
        var closed = rows.Where(r => open.Contains((r.TerminalId, r.TransactionId)))
            .Select(r => TransactionJson.Deserialize(r.RecordJson)).OfType<TransactionRecord>().ToList();
        return await AutoResolveAsync(closed, cancellationToken);
    }

    public const string SystemActor = "FleetOps (automatic)";

    private static string Why(TransactionRecord record, CaseOutcome outcome)
    {
        if (outcome == CaseOutcome.ReCredited) return "a later settlement report of the acquirer credited it";
        var stage = outcome == CaseOutcome.SettledLate ? TransactionStage.Settled
            : record.Has(TransactionStage.Reversed) ? TransactionStage.Reversed
            : record.Has(TransactionStage.Voided) ? TransactionStage.Voided : TransactionStage.Declined;
        var at = record.At(stage) ?? record.AuthorizedAt;
        var after = at - record.AuthorizedAt;
        var words = after >= TimeSpan.FromDays(1) ? $"{after.TotalDays:0.#} days" : after >= TimeSpan.FromHours(1) ? $"{after.TotalHours:0.#} h" : $"{Math.Max(0, after.TotalMinutes):0} min";
        return $"the terminal reported {stage.ToString().ToLowerInvariant()} {words} after the authorisation";
    }

    private async Task<RecoveryCase> ChangeAsync(long caseId, string auditAction, Func<RecoveryCase, DateTimeOffset, (RecoveryCase, CaseEntry)> change,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (book.Get(caseId) is null) throw new CaseRuleException("No such case.");
            for (var attempt = 1; ; attempt++)
            {
                await using var db = databases.CreateDbContext();
                var row = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
                // Decided from the stored case, not this node's copy: another node may have changed it in the second before
                // its change reached this book. The update then expects the row as read (UpdatedAtMs), so a change committed
                // elsewhere between the read and the write is not undone either: it is read again and decided again.
                var current = row.ToCase();
                if (book.Get(caseId) != current) book.Put(current);
                var now = time.GetUtcNow();
                var (changed, entry) = change(current, now);
                changed.CopyTo(row, now);
                db.CaseEntries.Add(entry.ToRow(caseId));
                db.AuditEntries.Add(Audit(changed, entry, auditAction));
                announcer.Stage(db, BookKinds.Case, BookChange.Of(caseId));
                try
                {
                    // One SaveChanges: the state, its trail entry, its audit line and the other nodes' notice commit together.
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < StaleCopy.Attempts)
                {
                    continue;
                }
                await announcer.WakeAsync(db, cancellationToken);
                book.Put(changed);
                return changed;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Every case action in the audit log too (who, what, which payment, when), beside the case's own trail: managers
    /// recover money, and the audit log is where an administrator reviews who did what across the chain.
    /// </summary>
    private static AuditEntryRow Audit(RecoveryCase c, CaseEntry entry, string action) =>
        AuditLog.Row(entry.At, entry.Actor, action, $"{c.TerminalId}/{c.TransactionId}", $"{c.StoreCode}: {entry.Text}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} resolved automatically: {Outcome}")]
    private partial void LogAutoResolved(long caseId, string outcome);
}
