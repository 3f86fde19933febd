namespace FleetOps.Core.Training;

/// <summary>
/// Compliance over time (issue 15 item 4's chart), pure: the same rule as today's (<see cref="TrainingCompliance"/>)
/// evaluated at each month end as it stood then — only the people who had started and not yet left that day, only the
/// sessions held by then. So the line does not rewrite the past when someone joins or leaves today.
/// </summary>
public static class ComplianceHistory
{
    /// <summary>The last day of each of the <paramref name="months"/> months ending with <paramref name="today"/>'s (today itself for the running month).</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly today, int months)
    {
        var ends = new List<DateOnly>(months);
        for (var back = months - 1; back >= 0; back--)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var end = first.AddMonths(1).AddDays(-1);
            ends.Add(end > today ? today : end);
        }
        return ends;
    }

    /// <summary>The counts of the staff employed on each of <paramref name="days"/>, with the sessions held by then.</summary>
    public static IReadOnlyList<ComplianceTally> At(IReadOnlyList<DateOnly> days, IReadOnlyCollection<StaffMember> staff,
        IReadOnlyCollection<TrainingSession> sessions, IReadOnlyList<TrainingProgramme> programmes, int dueSoonDays) =>
        days.Select(day =>
        {
            var held = sessions.Where(s => s.HeldOn <= day).ToList();
            var employed = staff.Where(p => p.StartedOn <= day && p.WorkedOn(day));
            return ComplianceTally.Of(employed.Select(p => TrainingCompliance.Person(p, programmes, held, day, dueSoonDays).Status));
        }).ToList();
}
