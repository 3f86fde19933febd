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

    /// <summary>
    /// The days one store is judged on for the chart's months: each month's last day by the store's own calendar, and the
    /// store's own today in its running month. The chart's months come from the zone the stores shown share (else UTC), but
    /// a store's month ends when its own midnight passes: at 16:30 UTC on 30 November a Shanghai store is already in
    /// December (a session held there on 1 December counts), while a store behind UTC is still in November.
    /// </summary>
    public static IReadOnlyList<DateOnly> StoreDays(IReadOnlyList<DateOnly> monthEnds, DateOnly storeToday) =>
        monthEnds.Select(end =>
        {
            var last = new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1);
            return last < storeToday ? last : storeToday;
        }).ToList();

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
