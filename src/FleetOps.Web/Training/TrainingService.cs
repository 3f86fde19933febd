using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Core.Training;
using FleetOps.Web.Cluster;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Training;

/// <summary>
/// Every change of training (docs/api.md §9): a person added to a store's roster or marked as left, a session recorded.
/// Each is checked against <see cref="TrainingAccess"/>, saved with its audit line in one transaction and only then put
/// into <see cref="TrainingBook"/>. Refusals are <see cref="MaintenanceResult{T}"/>s (the same shape as maintenance's:
/// 400 naming the field, 403, 404, and 409 for a person already on the roster). Compliance is worked out on read, on the store's local date.
/// </summary>
public sealed class TrainingService(
    FleetDbContextFactory databases,
    TrainingBook book,
    TrainingAccess access,
    StoreDirectory stores,
    ChangeAnnouncer announcer,
    IOptions<TrainingOptions> options,
    TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxRoleLength = 64;

    /// <summary>Rebuilds the book from the database (at start-up, before Kestrel listens).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var (staff, sessions) = await TrainingRows.LoadAllAsync(db, cancellationToken);
        book.Load(staff, sessions);
    }

    /// <summary>Today in the store's time zone: "the future" and "overdue" are the store's days.</summary>
    public DateOnly Today(string storeCode) =>
        StoreTime.Day(time.GetUtcNow(), stores.Get(storeCode)?.TimeZone);

    public StoreCompliance Compliance(string storeCode) =>
        TrainingCompliance.Store(storeCode, book.StaffOf(storeCode), book.SessionsOf(storeCode), book.Programmes, Today(storeCode), options.Value.DueSoonDays);

    public async Task<MaintenanceResult<StaffMember>> AddStaffAsync(string storeCode, string? name, string? role, DateOnly? startedOn,
        MaintenanceActor actor, string? address, CancellationToken cancellationToken = default)
    {
        if (StoreFor(storeCode, actor) is { } refused) return Refuse<StaffMember>(refused);
        var store = stores.Get(storeCode)!;
        if (!access.CanKeepStaff(actor, store.Code))
            return MaintenanceResult<StaffMember>.Refused(MaintenanceError.Forbidden, $"Only the managers of store {store.Code} may keep its staff.");
        var problem = Text("name", name, MaxNameLength) ?? Text("role", role, MaxRoleLength)
            ?? (startedOn is null ? ("startedOn", "'startedOn' is required.") : null);
        if (problem is { } p) return MaintenanceResult<StaffMember>.Refused(MaintenanceError.Invalid, p.Detail, p.Field);

        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            // Checked under the gate, so two clicks of "Add" cannot both add the person; one person listed twice would be
            // offered twice in the session form and counted twice in the store's compliance.
            if (OnRoster(store.Code, name!, role!) is { } existing) return OnRosterRefusal(existing);
            var person = new StaffMember(0, store.Code, name!.Trim(), role!.Trim(), startedOn!.Value);
            try
            {
                var saved = person with { Id = await SaveNewStaffAsync(person, actor, address, cancellationToken) };
                book.Put(saved);
                return MaintenanceResult<StaffMember>.Done(saved);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another node added them a moment ago, past this node's gate; the unique index on the roster keys refused
                // the second entry. The same answer as the check above, naming the entry that is there.
                var there = await OnRosterInDatabaseAsync(person, cancellationToken) ?? person;
                return OnRosterRefusal(there);
            }
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>The person's row and its audit line in one transaction, announced to the other nodes; the new row's id.</summary>
    private async Task<long> SaveNewStaffAsync(StaffMember person, MaintenanceActor actor, string? address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = databases.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = TrainingRows.Row(person, actor.Name, now);
        db.StaffMembers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(AuditLog.Row(now, actor.Name, AuditActions.StaffAdded, $"staff {row.Id}", $"{person.StoreCode}, {person.Role}", address));
        announcer.Stage(db, BookKinds.TrainingStaff, BookChange.Of(row.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        return row.Id;
    }

    /// <summary>The stored current entry with the person's roster keys (another node's, not in this node's book yet), or null.</summary>
    private async Task<StaffMember?> OnRosterInDatabaseAsync(StaffMember person, CancellationToken cancellationToken)
    {
        var (nameKey, roleKey) = (RosterKey.Of(person.Name), RosterKey.Of(person.Role));
        await using var db = databases.CreateDbContext();
        var row = await db.StaffMembers.AsNoTracking()
            .FirstOrDefaultAsync(s => s.StoreCode == person.StoreCode && s.NameKey == nameKey && s.RoleKey == roleKey && s.LeftOn == null, cancellationToken);
        return row is null ? null : TrainingRows.ToStaff(row);
    }

    /// <summary>409 at the name field (docs/api.md §9): the page shows it there, a client knows which field to change.</summary>
    private static MaintenanceResult<StaffMember> OnRosterRefusal(StaffMember existing) =>
        MaintenanceResult<StaffMember>.Refused(MaintenanceError.Conflict,
            $"{existing.Name} ({existing.Role}) is already on the roster of store {existing.StoreCode}.", "name");

    /// <summary>
    /// The current staff member of the store with this name and role, ignoring surrounding spaces and letter case ("Chen Li",
    /// "chen li "); someone who left may be added again (they came back), and two people of one name in different roles are
    /// told apart by their role.
    /// </summary>
    private StaffMember? OnRoster(string storeCode, string name, string role) =>
        book.StaffOf(storeCode).FirstOrDefault(s => !s.HasLeft
            && string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Role.Trim(), role.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The person has left the store today (its local date); history is kept. Asking again changes nothing.</summary>
    public async Task<MaintenanceResult<StaffMember>> MarkLeftAsync(string storeCode, long staffId, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        if (StoreFor(storeCode, actor) is { } refused) return Refuse<StaffMember>(refused);
        if (book.Staff(staffId) is not { } person || !string.Equals(person.StoreCode, storeCode, StringComparison.OrdinalIgnoreCase))
            return MaintenanceResult<StaffMember>.Refused(MaintenanceError.NotFound, $"There is no staff member {staffId} at store {storeCode}.");
        if (!access.CanKeepStaff(actor, person.StoreCode))
            return MaintenanceResult<StaffMember>.Refused(MaintenanceError.Forbidden, $"Only the managers of store {person.StoreCode} may keep its staff.");
        if (person.HasLeft) return MaintenanceResult<StaffMember>.Done(person);

        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var left = person with { LeftOn = Today(person.StoreCode) };
            await using var db = databases.CreateDbContext();
            var row = await db.StaffMembers.FindAsync([staffId], cancellationToken) ?? throw new InvalidOperationException($"Staff member {staffId} is gone.");
            row.LeftOn = TrainingRows.Text(left.LeftOn!.Value);
            db.AuditEntries.Add(AuditLog.Row(now, actor.Name, AuditActions.StaffLeft, $"staff {staffId}", $"{person.StoreCode}, left {row.LeftOn}", address));
            announcer.Stage(db, BookKinds.TrainingStaff, BookChange.Of(staffId));
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            book.Put(left);
            return MaintenanceResult<StaffMember>.Done(left);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>A session held at a store: refused (400 naming the field) for anything that would record an untrue training.</summary>
    public async Task<MaintenanceResult<TrainingSession>> RecordSessionAsync(SessionDraft draft, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(draft.StoreCode)) return Invalid("storeCode", "'storeCode' is required.");
        if (TextRules.Problem("storeCode", draft.StoreCode) is not null || stores.Get(draft.StoreCode.Trim()) is not { } store)
            return Invalid("storeCode", $"There is no store '{draft.StoreCode}'.");
        if (!access.CanSee(actor, store.Code)) return Invalid("storeCode", $"There is no store '{draft.StoreCode}'.");
        if (!access.CanRecord(actor, store.Code))
            return MaintenanceResult<TrainingSession>.Refused(MaintenanceError.Forbidden, $"Only the managers of store {store.Code} and the technicians who visit it may record its training.");
        if (DefaultProgrammes.Find(draft.Programme?.Trim()) is not { } programme) return Invalid("programme", $"There is no training programme '{draft.Programme}'.");
        if (draft.HeldOn is not { } heldOn) return Invalid("heldOn", "'heldOn' is required.");
        if (heldOn > Today(store.Code)) return Invalid("heldOn", "'heldOn' may not be in the future.");
        if (Text("trainer", draft.Trainer, MaxNameLength) is { } trainerProblem) return Invalid(trainerProblem.Field, trainerProblem.Detail);
        var staffIds = (draft.StaffIds ?? []).Distinct().ToList();
        if (staffIds.Count == 0) return Invalid("staffIds", "'staffIds' must name at least one staff member.");
        foreach (var id in staffIds)
        {
            if (book.Staff(id) is not { } person || !string.Equals(person.StoreCode, store.Code, StringComparison.OrdinalIgnoreCase))
                return Invalid("staffIds", $"Staff member {id} is not on the roster of store {store.Code}.");
            if (person.LeftOn is { } left && left < heldOn) return Invalid("staffIds", $"Staff member {id} had left the store before {TrainingRows.Text(heldOn)}.");
        }
        var completed = new Dictionary<long, IReadOnlySet<string>>();
        foreach (var id in staffIds)
        {
            var items = draft.CompletedPerPerson?.GetValueOrDefault(id) ?? draft.CompletedItems ?? [];
            if (items.Any(string.IsNullOrWhiteSpace)) return Invalid("completedItems", "'completedItems' holds an empty value.");
            if (items.FirstOrDefault(i => programme.Item(i?.Trim() ?? "") is null) is { } unknown)
                return Invalid("completedItems", $"Programme '{programme.Key}' has no item '{unknown}'.");
            completed[id] = items.Select(i => i.Trim()).ToHashSet(StringComparer.Ordinal);
        }
        if (SignatureProblem(draft, staffIds) is { } signatureProblem) return Invalid(signatureProblem.Field, signatureProblem.Detail);

        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var signatures = draft.Signatures ?? [];
            var session = new TrainingSession(0, store.Code, programme.Key, heldOn, draft.Trainer!.Trim(), actor.Name, now, completed)
            {
                TrainerSigned = draft.TrainerSignature is not null,
                SignedBy = signatures.Select(s => s.StaffId).ToHashSet(),
            };
            await using var db = databases.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var row = TrainingRows.Row(session);
            db.TrainingSessions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            var saved = session with { Id = row.Id };
            TrainingRows.AddPeople(db, saved);
            TrainingRows.AddSignatures(db, saved.Id, draft.TrainerSignature, signatures, now);
            var trained = completed.Count(c => programme.IsCompletedBy(c.Value));
            var signed = signatures.Count + (session.TrainerSigned ? 1 : 0);
            // The programme by its key (the audit page shows its name in the reader's language); counts in good English.
            db.AuditEntries.Add(AuditLog.Row(now, actor.Name, AuditActions.TrainingRecorded, $"training session {row.Id}",
                $"{programme.Key} at {store.Code} on {row.HeldOn} by {session.Trainer}: {AuditLog.Counted(completed.Count, "person", "people")}, {trained} completed, {AuditLog.Counted(signed, "signature", "signatures")}",
                address));
            announcer.Stage(db, BookKinds.TrainingSession, BookChange.Of(saved.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            book.Put(saved);
            return MaintenanceResult<TrainingSession>.Done(saved);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>
    /// A session's signature as PNG bytes — the trainer's (<paramref name="staffId"/> null) or a trained person's — for
    /// someone who may see the session's store; else null (a 404, like a signature that does not exist).
    /// </summary>
    public async Task<byte[]?> SignatureAsync(long sessionId, long? staffId, MaintenanceActor actor, CancellationToken cancellationToken = default)
    {
        if (book.Session(sessionId) is not { } session || !access.CanSee(actor, session.StoreCode)) return null;
        await using var db = databases.CreateDbContext();
        return await db.TrainingSignatures.AsNoTracking().Where(s => s.SessionId == sessionId && s.StaffId == staffId)
            .Select(s => s.Png).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Why the signatures cannot be kept: a signer who is not among the session's staff (or signs twice), a drawing over the
    /// size limit or one that is not a PNG (by its first bytes, whatever the client claims) — the pad draws PNGs only.
    /// </summary>
    private (string Field, string Detail)? SignatureProblem(SessionDraft draft, IReadOnlyCollection<long> staffIds)
    {
        if (draft.TrainerSignature is { } trainer && Drawing(trainer) is { } trainerProblem) return ("trainerSignature", trainerProblem);
        var signed = new HashSet<long>();
        foreach (var signature in draft.Signatures ?? [])
        {
            if (!staffIds.Contains(signature.StaffId)) return ("signatures", $"Staff member {signature.StaffId} is not among the session's staff.");
            if (!signed.Add(signature.StaffId)) return ("signatures", $"Staff member {signature.StaffId} signed more than once.");
            if (Drawing(signature.Png) is { } problem) return ("signatures", problem);
        }
        return null;
    }

    private string? Drawing(byte[] png) =>
        png.Length > options.Value.MaxSignatureBytes ? $"A signature may be at most {options.Value.MaxSignatureBytes / 1024} KiB."
        : ImageType.Of(png) is not { Extension: "png" } ? "A signature must be a PNG image."
        : null;

    /// <summary>Why the store cannot be worked on: unknown, or outside the actor's scope (answered alike: 404).</summary>
    private (MaintenanceError Error, string Detail)? StoreFor(string storeCode, MaintenanceActor actor) =>
        TextRules.Problem("code", storeCode) is not null || stores.Get(storeCode) is null || !access.CanSee(actor, storeCode)
            ? (MaintenanceError.NotFound, $"There is no store '{storeCode}'.")
            : null;

    private static MaintenanceResult<T> Refuse<T>((MaintenanceError Error, string Detail) refusal) where T : class =>
        MaintenanceResult<T>.Refused(refusal.Error, refusal.Detail);

    private static MaintenanceResult<TrainingSession> Invalid(string field, string detail) =>
        MaintenanceResult<TrainingSession>.Refused(MaintenanceError.Invalid, detail, field);

    /// <summary>A required one-line text: present, not too long, keepable (no card number, no control characters).</summary>
    private static (string Field, string Detail)? Text(string field, string? value, int max) =>
        MaintenanceService.Text(field, value, max, required: true) is { } problem ? (field, problem) : null;
}
