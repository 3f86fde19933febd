using FleetOps.Core.Training;

namespace FleetOps.Web.Api;

/// <summary>
/// A recorded session (FleetOps addition, <c>GET /api/v1/training/sessions</c>), with what each person completed and who
/// signed (the drawings at <c>/api/v1/training/sessions/{id}/signatures/{trainer|staffId}</c>).
/// </summary>
public sealed record SessionDto(long Id, string StoreCode, string Programme, DateOnly HeldOn, string Trainer, string RecordedBy,
    DateTimeOffset RecordedAt, IReadOnlyList<long> StaffIds, IReadOnlyList<AttendeeDto> Attendees, bool TrainerSigned)
{
    public static SessionDto From(TrainingSession s)
    {
        var programme = DefaultProgrammes.Find(s.Programme);
        return new SessionDto(s.Id, s.StoreCode, s.Programme, s.HeldOn, s.Trainer, s.RecordedBy, s.RecordedAt, s.StaffIds,
            s.StaffIds.Select(id => new AttendeeDto(id, s.CompletedBy(id).Order(StringComparer.Ordinal).ToList(),
                programme?.IsCompletedBy(s.CompletedBy(id)) == true, s.SignedBy.Contains(id))).ToList(), s.TrainerSigned);
    }
}
