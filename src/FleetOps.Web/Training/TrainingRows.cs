using System.Globalization;
using FleetOps.Core.Training;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Training;

/// <summary>Rosters and sessions to and from their tables.</summary>
internal static class TrainingRows
{
    private const string DateFormat = "yyyy-MM-dd";

    public static async Task<(List<StaffMember> Staff, List<TrainingSession> Sessions)> LoadAllAsync(FleetDbContext db, CancellationToken cancellationToken)
    {
        var staff = (await db.StaffMembers.AsNoTracking().ToListAsync(cancellationToken)).Select(ToStaff).ToList();
        var attendees = (await db.TrainingAttendees.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.SessionId);
        var completions = (await db.TrainingCompletions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => (c.SessionId, c.StaffId), c => c.Item);
        // Who signed, never the drawings: those are read one at a time when a page shows them.
        var signers = (await db.TrainingSignatures.AsNoTracking().Select(s => new { s.SessionId, s.StaffId }).ToListAsync(cancellationToken))
            .ToLookup(s => s.SessionId, s => s.StaffId);
        var sessions = (await db.TrainingSessions.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => ToSession(r, attendees[r.Id].ToDictionary(a => a.StaffId,
                a => (IReadOnlySet<string>)completions[(r.Id, a.StaffId)].ToHashSet(StringComparer.Ordinal))) with
            {
                TrainerSigned = signers[r.Id].Contains(null),
                SignedBy = signers[r.Id].OfType<long>().ToHashSet(),
            })
            .ToList();
        return (staff, sessions);
    }

    public static StaffMemberRow Row(StaffMember s, string actor, DateTimeOffset now) => new()
    {
        StoreCode = s.StoreCode, Name = s.Name, Role = s.Role, NameKey = RosterKey.Of(s.Name), RoleKey = RosterKey.Of(s.Role), StartedOn = Text(s.StartedOn), LeftOn = s.LeftOn is { } left ? Text(left) : null,
        CreatedBy = actor, CreatedAtMs = now.ToUnixTimeMilliseconds(),
    };

    public static StaffMember ToStaff(StaffMemberRow r) =>
        new(r.Id, r.StoreCode, r.Name, r.Role, Date(r.StartedOn), r.LeftOn is { } left ? Date(left) : null);

    public static TrainingSessionRow Row(TrainingSession s) => new()
    {
        StoreCode = s.StoreCode, Programme = s.Programme, HeldOn = Text(s.HeldOn), Trainer = s.Trainer, RecordedBy = s.RecordedBy,
        RecordedAtMs = s.RecordedAt.ToUnixTimeMilliseconds(),
    };

    /// <summary>Who attended the session and what each completed.</summary>
    public static void AddPeople(FleetDbContext db, TrainingSession s)
    {
        foreach (var (staffId, items) in s.Completed)
        {
            db.TrainingAttendees.Add(new TrainingAttendeeRow { SessionId = s.Id, StaffId = staffId });
            foreach (var item in items) db.TrainingCompletions.Add(new TrainingCompletionRow { SessionId = s.Id, StaffId = staffId, Item = item });
        }
    }

    /// <summary>The drawn signatures of the session, committed with it.</summary>
    public static void AddSignatures(FleetDbContext db, long sessionId, byte[]? trainer, IEnumerable<TraineeSignature> trainees, DateTimeOffset now)
    {
        var at = now.ToUnixTimeMilliseconds();
        if (trainer is not null) db.TrainingSignatures.Add(new TrainingSignatureRow { SessionId = sessionId, StaffId = null, Png = trainer, SignedAtMs = at });
        foreach (var t in trainees) db.TrainingSignatures.Add(new TrainingSignatureRow { SessionId = sessionId, StaffId = t.StaffId, Png = t.Png, SignedAtMs = at });
    }

    public static string Text(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static TrainingSession ToSession(TrainingSessionRow r, IReadOnlyDictionary<long, IReadOnlySet<string>> completed) =>
        new(r.Id, r.StoreCode, r.Programme, Date(r.HeldOn), r.Trainer, r.RecordedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.RecordedAtMs), completed);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
}
