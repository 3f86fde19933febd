namespace FleetOps.Core.Training;

/// <summary>
/// The compliance rule (issue 15), pure: a person is trained in a programme until <see cref="TrainingProgramme.ValidUntil"/>
/// of the latest session in which they completed every required item; that training is overdue from the day after, and
/// due soon while it ends within <c>dueSoonDays</c> of today (the store's local date). A person is never-trained until
/// they complete any programme; after that they are overdue while any programme is overdue or still never completed,
/// else due soon while any is, else current. People who left do not count; their sessions stay.
/// </summary>
public static class TrainingCompliance
{
    public static ProgrammeStanding Standing(StaffMember person, TrainingProgramme programme, IEnumerable<TrainingSession> sessions, DateOnly today,
        int dueSoonDays)
    {
        DateOnly? trainedOn = null;
        foreach (var session in sessions)
        {
            if (session.Programme != programme.Key || !session.Completed.ContainsKey(person.Id)) continue;
            if (programme.IsCompletedBy(session.CompletedBy(person.Id)) && (trainedOn is null || session.HeldOn > trainedOn)) trainedOn = session.HeldOn;
        }
        if (trainedOn is not { } held) return new ProgrammeStanding(programme.Key, null, null, TrainingStatus.NeverTrained);
        var validUntil = programme.ValidUntil(held);
        var status = today > validUntil ? TrainingStatus.Overdue
            : validUntil.DayNumber - today.DayNumber <= dueSoonDays ? TrainingStatus.DueSoon
            : TrainingStatus.Current;
        return new ProgrammeStanding(programme.Key, held, validUntil, status);
    }

    public static PersonCompliance Person(StaffMember person, IReadOnlyList<TrainingProgramme> programmes, IEnumerable<TrainingSession> sessions,
        DateOnly today, int dueSoonDays)
    {
        var theirs = sessions.Where(s => s.Completed.ContainsKey(person.Id)).ToList();
        var standings = programmes.Select(p => Standing(person, p, theirs, today, dueSoonDays)).ToList();
        return new PersonCompliance(person, Overall(standings), standings);
    }

    /// <summary>A person's overall standing from their standing in each programme.</summary>
    public static TrainingStatus Overall(IReadOnlyList<ProgrammeStanding> standings)
    {
        if (standings.All(s => s.Status == TrainingStatus.NeverTrained)) return TrainingStatus.NeverTrained;
        if (standings.Any(s => s.Status is TrainingStatus.Overdue or TrainingStatus.NeverTrained)) return TrainingStatus.Overdue;
        return standings.Any(s => s.Status == TrainingStatus.DueSoon) ? TrainingStatus.DueSoon : TrainingStatus.Current;
    }

    /// <summary>The store's people still employed today (by name), and its counts.</summary>
    public static StoreCompliance Store(string storeCode, IEnumerable<StaffMember> staff, IReadOnlyList<TrainingSession> sessions,
        IReadOnlyList<TrainingProgramme> programmes, DateOnly today, int dueSoonDays)
    {
        var people = staff.Where(p => !p.HasLeft || p.LeftOn > today)
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id)
            .Select(p => Person(p, programmes, sessions, today, dueSoonDays))
            .ToList();
        return new StoreCompliance(storeCode, ComplianceTally.Of(people.Select(p => p.Status)), people);
    }
}
