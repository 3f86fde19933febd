using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Rollouts;

/// <summary>
/// Every change of a rollout: created, advanced, halted and resumed by an administrator (audited), or advanced and halted by
/// its own progress (<see cref="EvaluateAsync"/>). One at a time (a semaphore: a click and an automatic decision must not
/// both win), database first, then <see cref="RolloutBook"/>. Across nodes the same holds because a change is written only
/// over the stored state it was decided from (<see cref="RolloutRows.UpdateAsync"/>); otherwise it is decided again.
/// </summary>
public sealed partial class RolloutService(
    FleetDbContextFactory databases,
    RolloutBook book,
    FleetState fleet,
    StoreDirectory stores,
    AuditLog audit,
    ChangeAnnouncer announcer,
    TimeProvider time,
    ILogger<RolloutService> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<RolloutResult> CreateAsync(RolloutRequest request, string actor, string? address, CancellationToken cancellationToken = default)
    {
        var (plan, problem) = Check(request);
        if (plan is null) return RolloutResult.Refused(RolloutError.Invalid, problem!);
        await _gate.WaitAsync(cancellationToken);
        Rollout created;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await TryCreateAsync(plan, actor, cancellationToken) is { } made)
                {
                    created = made;
                    break;
                }
                LogChangedElsewhere(0);
                if (attempt == StaleCopy.Attempts) return RolloutResult.Refused(RolloutError.Conflict, KeptChanging);
            }
        }
        finally
        {
            _gate.Release();
        }
        await audit.RecordAsync(actor, AuditActions.RolloutCreated, $"rollout {created.Id}",
            $"model {created.Model}, app {created.AppVersion}, firmware {created.FirmwareVersion ?? "unchanged"}, {AuditLog.Counted(created.Waves.Count, "wave", "waves")}, {AuditLog.Counted(created.Waves.Sum(w => w.Terminals.Count), "terminal", "terminals")}",
            address, cancellationToken);
        await EvaluateAsync(created.Id, cancellationToken);
        return RolloutResult.Done(book.Get(created.Id)!);
    }

    /// <summary>
    /// Saves the new rollout (and ends the model's active one, which it supersedes); null, with nothing saved, when the
    /// superseded rollout had changed on another node since this node's book heard of it (the book has its row now).
    /// </summary>
    private async Task<Rollout?> TryCreateAsync(Rollout plan, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var draft = plan with { CreatedAt = now, CreatedBy = actor, Waves = [plan.Waves[0] with { StartedAt = now }, .. plan.Waves.Skip(1)] };
        var superseded = book.Active(draft.Model);
        await using var db = databases.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = RolloutRows.Add(db, draft);
        await db.SaveChangesAsync(cancellationToken);
        var created = draft with { Id = row.Id };
        RolloutRows.AddWaves(db, row.Id, created);
        Rollout? ended = null;
        if (superseded is not null)
        {
            ended = superseded with { State = RolloutState.Completed, SupersededBy = created.Id };
            if (!await RolloutRows.UpdateAsync(db, superseded, ended, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                await ReadIntoBookAsync(superseded.Id, cancellationToken);
                return null;
            }
        }
        announcer.Stage(db, BookKinds.Rollout, ended is null ? BookChange.Of(created.Id) : BookChange.Of(ended.Id, created.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            await ReadIntoBookAsync(superseded!.Id, cancellationToken);
            return null;
        }
        await transaction.CommitAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        book.Put(ended is null ? [created] : [ended, created]);
        return created;
    }

    /// <summary>
    /// Another node changed these rollouts (by hand, or its elected watcher by their progress): the rollouts are read again
    /// (few, each with its waves) and the named ones, and any new to this node, put into the book in id order, under the
    /// gate of this node's own changes.
    /// </summary>
    public async Task ApplyFromPeerAsync(BookChange change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var rollouts = await RolloutRows.LoadAllAsync(db, cancellationToken);
            var changed = rollouts.Where(r => change.Ids.Contains(r.Id) || book.Get(r.Id) is null).OrderBy(r => r.Id).ToArray();
            if (changed.Length > 0) book.Put(changed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the next wave, or completes the rollout after its last one.</summary>
    public Task<RolloutResult> AdvanceAsync(long id, string actor, string? address, CancellationToken cancellationToken = default) =>
        ByHandAsync(id, actor, address, AuditActions.RolloutAdvanced, r => r.State switch
        {
            RolloutState.Running => (r.Advanced(time.GetUtcNow()), null),
            RolloutState.Halted => (null, "The rollout is halted: resume it before starting the next wave."),
            _ => (null, "The rollout is completed: there is no wave left to start."),
        }, cancellationToken);

    public Task<RolloutResult> HaltAsync(long id, string actor, string? address, CancellationToken cancellationToken = default) =>
        ByHandAsync(id, actor, address, AuditActions.RolloutHalted, r => r.State == RolloutState.Running
            ? (r with { State = RolloutState.Halted, HaltedAt = time.GetUtcNow() }, null)
            : (null, $"Only a running rollout can be halted; this one is {r.State.ToWire()}."), cancellationToken);

    /// <summary>Runs a halted rollout again; the failures of the waves started so far no longer halt it (the person saw them).</summary>
    public Task<RolloutResult> ResumeAsync(long id, string actor, string? address, CancellationToken cancellationToken = default) =>
        ByHandAsync(id, actor, address, AuditActions.RolloutResumed, r => r.State == RolloutState.Halted
            ? (r with { State = RolloutState.Running, HaltedAt = null, AcceptedThroughWave = r.CurrentWave }, null)
            : (null, $"Only a halted rollout can be resumed; this one is {r.State.ToWire()}."), cancellationToken);

    /// <summary>
    /// Applies what the rollout's progress calls for: halt above the failure threshold, else the next wave at the success
    /// threshold — repeatedly, since a next wave whose terminals already run the version is done at once.
    /// </summary>
    public async Task EvaluateAsync(long id, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var changedElsewhere = 0;
            while (book.Get(id) is { State: RolloutState.Running } rollout)
            {
                var decision = RolloutRule.Decide(rollout, RolloutBook.Progress(rollout, fleet));
                if (decision == RolloutDecision.None) return;
                var now = time.GetUtcNow();
                var next = decision == RolloutDecision.Halt ? rollout with { State = RolloutState.Halted, HaltedAt = now } : rollout.Advanced(now);
                if (!await SaveAsync(rollout, next, now, cancellationToken))
                {
                    // A person halted, resumed or advanced it on another node meanwhile: decided again from the stored row.
                    LogChangedElsewhere(id);
                    if (++changedElsewhere == StaleCopy.Attempts) return;
                    continue;
                }
                LogDecided(id, decision.ToWire(), next.State.ToWire(), next.CurrentWave + 1);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RolloutResult> ByHandAsync(long id, string actor, string? address, string action,
        Func<Rollout, (Rollout? Next, string? Refusal)> change, CancellationToken cancellationToken)
    {
        Rollout next;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (book.Get(id) is not { } rollout) return RolloutResult.Refused(RolloutError.NotFound, $"There is no rollout {id}.");
                var (changed, refusal) = change(rollout);
                if (changed is null) return RolloutResult.Refused(RolloutError.Conflict, refusal!);
                if (await SaveAsync(rollout, changed, time.GetUtcNow(), cancellationToken))
                {
                    next = changed;
                    break;
                }
                // Changed on another node (its elected watcher halted it, say) before this node heard: judged again from the row.
                LogChangedElsewhere(id);
                if (attempt == StaleCopy.Attempts) return RolloutResult.Refused(RolloutError.Conflict, KeptChanging);
            }
        }
        finally
        {
            _gate.Release();
        }
        await audit.RecordAsync(actor, action, $"rollout {id}", $"{next.State.ToWire()}, wave {next.CurrentWave + 1} of {next.Waves.Count}",
            address, cancellationToken);
        await EvaluateAsync(id, cancellationToken);
        return RolloutResult.Done(book.Get(id)!);
    }

    /// <summary>Saves <paramref name="rollout"/> if the stored one is still <paramref name="before"/>; else reads it into the book.</summary>
    private async Task<bool> SaveAsync(Rollout before, Rollout rollout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var db = databases.CreateDbContext())
        {
            if (await RolloutRows.UpdateAsync(db, before, rollout, now, cancellationToken))
            {
                announcer.Stage(db, BookKinds.Rollout, BookChange.Of(rollout.Id));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await announcer.WakeAsync(db, cancellationToken);
                    book.Put(rollout);
                    return true;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Committed elsewhere between this read and this write.
                }
            }
        }
        await ReadIntoBookAsync(rollout.Id, cancellationToken);
        return false;
    }

    /// <summary>The stored rollout replaces the book's copy (the caller holds the gate).</summary>
    private async Task ReadIntoBookAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        if (await RolloutRows.LoadAsync(db, id, cancellationToken) is { } stored) book.Put(stored);
    }

    private const string KeptChanging = "The rollout kept changing on another node while this change was made; look at it again and retry.";

    /// <summary>Why the version cannot be ordered, naming the field; null when it can.</summary>
    private static string? Unorderable(string field, string? version) =>
        SoftwareVersion.TryParse(version, out _, out var reason) ? null : $"'{field}' cannot be ordered: {reason}.";

    /// <summary>The rollout the request describes, its waves chosen, not yet started or saved; or why it cannot be made.</summary>
    private (Rollout? Plan, string? Problem) Check(RolloutRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Model)) return (null, "'model' is required.");
        if (TextRules.Problem("model", request.Model) is { } modelProblem) return (null, modelProblem);
        if (Unorderable("appVersion", request.AppVersion) is { } appProblem) return (null, appProblem);
        if (request.FirmwareVersion is not null && Unorderable("firmwareVersion", request.FirmwareVersion) is { } firmwareProblem) return (null, firmwareProblem);
        var halt = request.HaltWhenFailedPercent ?? RolloutRequest.DefaultHaltWhenFailedPercent;
        if (halt is < 0 or > 100) return (null, "'haltWhenFailedPercent' must be between 0 and 100.");
        if (request.AdvanceWhenInstalledPercent is < 1 or > 100) return (null, "'advanceWhenInstalledPercent' must be between 1 and 100.");
        if (request.Waves is not { Count: > 0 and <= RolloutRequest.MaxWaves } waves)
        {
            return (null, $"'waves' must list 1–{RolloutRequest.MaxWaves} waves.");
        }
        for (var i = 0; i < waves.Count; i++)
        {
            if (WaveProblem(waves[i], i + 1) is { } waveProblem) return (null, waveProblem);
        }
        // Stores as registered and once each, whatever the request wrote: "sh-001" and "SH-001" are one store, shown as
        // the directory spells it on the rollout's page, in its audit and in the API's answers.
        waves = waves.Select(w => w.Stores is null ? w
            : w with { Stores = w.Stores.Select(code => stores.Get(code)!.Code).Distinct(StringComparer.Ordinal).ToList() }).ToList();
        var terminals = fleet.All
            .Where(t => !t.Registration.Decommissioned && string.Equals(t.Model, request.Model, StringComparison.OrdinalIgnoreCase))
            .Select(t => (t.TerminalId, t.StoreCode)).ToList();
        if (terminals.Count == 0) return (null, $"Model '{request.Model}' has no terminals in service.");
        var (planned, planProblem) = RolloutPlanner.Plan(request.Model, request.AppVersion!, terminals, waves);
        if (planned is null) return (null, planProblem);
        var model = fleet.Get(terminals[0].TerminalId)!.Model; // as registered, whatever letter case the request used
        return (new Rollout(0, model, request.AppVersion!, request.FirmwareVersion, halt, request.AdvanceWhenInstalledPercent,
            RolloutState.Running, waves.Select((w, i) => new RolloutWave(w, planned[i], null)).ToList(), default, ""), null);
    }

    private string? WaveProblem(WaveSpec wave, int number)
    {
        if ((wave.Stores is null) == (wave.Percent is null)) return $"Wave {number} must name either 'stores' or 'percent'.";
        if (wave.Percent is < 1 or > 100) return $"Wave {number}: 'percent' must be between 1 and 100.";
        if (wave.Stores is { Count: 0 }) return $"Wave {number}: 'stores' must name at least one store.";
        foreach (var code in wave.Stores ?? [])
        {
            if (string.IsNullOrWhiteSpace(code) || TextRules.Problem("stores", code) is not null || stores.Get(code) is null)
            {
                return TextRules.Problem("stores", code ?? "") is null ? $"Wave {number} names an unknown store '{code}'." : $"Wave {number} names an unknown store.";
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {RolloutId} changed on another node before this node's change was saved (0: the one a new rollout supersedes): decided again from the stored row")]
    private partial void LogChangedElsewhere(long rolloutId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {RolloutId} decided by its progress: {Decision}; now {State} at wave {Wave}")]
    private partial void LogDecided(long rolloutId, string decision, string state, int wave);
}
