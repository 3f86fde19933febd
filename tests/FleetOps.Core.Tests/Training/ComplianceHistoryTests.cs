using FleetOps.Core.Training;
using static FleetOps.Core.Tests.Training.TrainingComplianceTests;

namespace FleetOps.Core.Tests.Training;

/// <summary>
/// Compliance over time: each month end judged as it stood then — a session counts from its day on, training runs out at
/// its validity, people count only between starting and leaving — and month ends across February and the running month.
/// </summary>
public sealed class ComplianceHistoryTests
{
    private static readonly TrainingProgramme Payment = DefaultProgrammes.Find(DefaultProgrammes.CardPayment)! with { ValidForMonths = 2 };
    private static readonly IReadOnlyList<TrainingProgramme> Only = [Payment];

    [Fact]
    public void Month_ends_are_the_last_days_of_the_last_months_and_today_for_the_running_one()
    {
        var ends = ComplianceHistory.MonthEnds(new DateOnly(2024, 3, 10), 4);

        Assert.Equal([new(2023, 12, 31), new(2024, 1, 31), new(2024, 2, 29), new(2024, 3, 10)], ends);
    }

    [Fact]
    public void The_percentage_rises_with_a_session_falls_when_it_runs_out_and_counts_people_only_while_employed()
    {
        var ana = new StaffMember(1, "S-1", "Ana", "cashier", new DateOnly(2025, 1, 1));
        var bo = new StaffMember(2, "S-1", "Bo", "cashier", new DateOnly(2025, 1, 1), LeftOn: new DateOnly(2025, 3, 15));
        var cy = new StaffMember(3, "S-1", "Cy", "cashier", new DateOnly(2025, 3, 1));
        var session = Session(1, Payment, "2025-02-10", (ana.Id, AllRequired(Payment)), (bo.Id, AllRequired(Payment)));
        var days = ComplianceHistory.MonthEnds(new DateOnly(2025, 5, 20), 5); // Jan 31 … Apr 30, May 20

        var tallies = ComplianceHistory.At(days, [ana, bo, cy], [session], Only, dueSoonDays: 30);

        // Jan: nobody trained yet. Feb 28: both trained, valid until Apr 10 (more than 30 days off). Mar 31: Bo has left,
        // Cy joined untrained, Ana's training ends within 30 days. Apr 30 and May: Ana's training has run out.
        Assert.Equal([0, 100, 0, 0, 0], tallies.Select(t => t.PercentCurrent));
        Assert.Equal([2, 2, 2, 2, 2], tallies.Select(t => t.Staff));
        Assert.Equal((1, 1), (tallies[2].DueSoon, tallies[2].NeverTrained));
        Assert.Equal(1, tallies[3].Overdue);
    }

    [Fact]
    public void A_store_ahead_of_the_charts_zone_is_judged_on_its_own_month_end_and_one_behind_on_its_own_today()
    {
        // The chart's months end on 30 November (UTC); Shanghai is already on 1 December, Los Angeles still on 29 November.
        var ends = ComplianceHistory.MonthEnds(new DateOnly(2026, 11, 30), 3);

        Assert.Equal([new(2026, 9, 30), new(2026, 10, 31), new(2026, 11, 30)], ComplianceHistory.StoreDays(ends, new DateOnly(2026, 12, 1)));
        Assert.Equal([new(2026, 9, 30), new(2026, 10, 31), new(2026, 11, 29)], ComplianceHistory.StoreDays(ends, new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void The_running_month_of_a_store_is_judged_on_its_today_even_when_the_charts_zone_is_behind()
    {
        // Months from a zone already in December, with a store whose day is still 30 November: December is judged on
        // the store's today, not on a day that has not come there yet.
        var ends = ComplianceHistory.MonthEnds(new DateOnly(2026, 12, 1), 2);

        Assert.Equal([new(2026, 11, 30), new(2026, 11, 30)], ComplianceHistory.StoreDays(ends, new DateOnly(2026, 11, 30)));
    }
}
