using FleetOps.Core.Training;

namespace FleetOps.Core.Tests.Training;

/// <summary>
/// Issue 15's compliance rule on fixed dates: validity in calendar months across month ends and leap years, due soon within
/// 30 days, overdue the day after, the person rollup, the store's percentage, and the targeting threshold.
/// </summary>
public sealed class TrainingComplianceTests
{
    private static readonly TrainingProgramme Payment = DefaultProgrammes.Find(DefaultProgrammes.CardPayment)!;
    private static readonly TrainingProgramme Plan = DefaultProgrammes.Find(DefaultProgrammes.EmergencyPlan)!;
    private static readonly IReadOnlyList<TrainingProgramme> Both = [Payment, Plan];
    private static readonly StaffMember Ana = new(1, "S-1", "Ana", "cashier", new DateOnly(2024, 1, 1));
    private static readonly StaffMember Bo = new(2, "S-1", "Bo", "cashier", new DateOnly(2024, 1, 1));

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")] // Jan 31 + 1 month: the end of February
    [InlineData("2024-01-31", 1, "2024-02-29")] // in a leap year, the 29th
    [InlineData("2024-02-29", 12, "2025-02-28")] // a leap day + 12 months: Feb 28 of the next year
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2026-03-15", 12, "2027-03-15")]
    public void Training_is_valid_for_calendar_months(string heldOn, int months, string validUntil)
    {
        var programme = Payment with { ValidForMonths = months };

        Assert.Equal(DateOnly.Parse(validUntil), programme.ValidUntil(DateOnly.Parse(heldOn)));
    }

    [Theory]
    [InlineData("2025-02-27", TrainingStatus.DueSoon)] // held 2024-02-29, valid until 2025-02-28: ends tomorrow
    [InlineData("2025-02-28", TrainingStatus.DueSoon)] // the last valid day
    [InlineData("2025-03-01", TrainingStatus.Overdue)] // the day after: overdue
    [InlineData("2025-01-29", TrainingStatus.DueSoon)] // 30 days before the end: due soon
    [InlineData("2025-01-28", TrainingStatus.Current)] // 31 days before: still current
    public void Due_soon_within_30_days_and_overdue_the_day_after_across_a_leap_day(string today, TrainingStatus expected)
    {
        var session = Session(1, Payment, "2024-02-29", (Ana.Id, AllRequired(Payment)));

        var standing = TrainingCompliance.Standing(Ana, Payment, [session], DateOnly.Parse(today), 30);

        Assert.Equal((new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28), expected), (standing.TrainedOn!.Value, standing.ValidUntil!.Value, standing.Status));
    }

    [Fact]
    public void A_session_missing_a_required_item_does_not_train_and_the_latest_complete_one_counts()
    {
        var complete = Session(1, Payment, "2025-01-10", (Ana.Id, AllRequired(Payment)));
        var withoutSignature = Session(2, Payment, "2025-06-10", (Ana.Id, AllRequired(Payment).Where(i => i != "signature_step").ToHashSet()));
        var optionalSkipped = Session(3, Payment, "2025-03-10", (Ana.Id, AllRequired(Payment)));

        var standing = TrainingCompliance.Standing(Ana, Payment, [complete, withoutSignature, optionalSkipped], new DateOnly(2025, 7, 1), 30);

        Assert.Equal(new DateOnly(2025, 3, 10), standing.TrainedOn); // not June: the signature step was not completed
        Assert.False(Payment.IsCompletedBy(new HashSet<string> { "amount_confirmed" }));
    }

    [Fact]
    public void The_emergency_plan_runs_out_after_six_months_so_the_person_is_overdue_while_payments_are_current()
    {
        var sessions = new[]
        {
            Session(1, Payment, "2026-01-31", (Ana.Id, AllRequired(Payment))),
            Session(2, Plan, "2026-01-31", (Ana.Id, AllRequired(Plan))),
        };

        var july = TrainingCompliance.Person(Ana, Both, sessions, new DateOnly(2026, 7, 1), 30);
        var august = TrainingCompliance.Person(Ana, Both, sessions, new DateOnly(2026, 8, 1), 30);

        Assert.Equal(TrainingStatus.DueSoon, july.Status); // the plan ends on 2026-07-31
        Assert.Equal(TrainingStatus.Overdue, august.Status);
        Assert.Equal([TrainingStatus.Current, TrainingStatus.Overdue], august.Programmes.Select(p => p.Status));
    }

    [Fact]
    public void A_person_is_never_trained_until_any_programme_is_completed_then_overdue_while_one_is_missing()
    {
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(TrainingStatus.NeverTrained, TrainingCompliance.Person(Ana, Both, [], today, 30).Status);

        var onlyPayment = Session(1, Payment, "2026-11-01", (Ana.Id, AllRequired(Payment)));
        Assert.Equal(TrainingStatus.Overdue, TrainingCompliance.Person(Ana, Both, [onlyPayment], today, 30).Status);

        var plan = Session(2, Plan, "2026-11-02", (Ana.Id, AllRequired(Plan)));
        Assert.Equal(TrainingStatus.Current, TrainingCompliance.Person(Ana, Both, [onlyPayment, plan], today, 30).Status);
    }

    [Fact]
    public void The_store_counts_only_people_still_employed_and_rounds_the_percentage_to_one_decimal()
    {
        var today = new DateOnly(2026, 12, 1);
        var cy = new StaffMember(3, "S-1", "Cy", "cashier", new DateOnly(2024, 1, 1));
        var left = new StaffMember(4, "S-1", "Di", "cashier", new DateOnly(2024, 1, 1), LeftOn: new DateOnly(2026, 11, 1));
        var trained = new[] { Ana.Id, left.Id }.Select(id => (id, AllRequired(Payment))).ToArray();
        var sessions = new[]
        {
            Session(1, Payment, "2026-11-01", trained),
            Session(2, Plan, "2026-11-01", (Ana.Id, AllRequired(Plan)), (left.Id, AllRequired(Plan))),
            Session(3, Payment, "2025-10-01", (Bo.Id, AllRequired(Payment))),
            Session(4, Plan, "2026-10-01", (Bo.Id, AllRequired(Plan))),
        };

        var store = TrainingCompliance.Store("S-1", [Ana, Bo, cy, left], sessions, Both, today, 30);

        Assert.Equal(["Ana", "Bo", "Cy"], store.People.Select(p => p.Person.Name));
        Assert.Equal(new ComplianceTally(3, 1, 0, 1, 1), store.Tally); // Ana current, Bo overdue (payments ran out), Cy never trained
        Assert.Equal(33.3, store.Tally.PercentCurrent);
        Assert.Equal(66.7, new ComplianceTally(3, 2, 1, 0, 0).PercentCurrent);
        Assert.Equal(0, ComplianceTally.None.PercentCurrent);
        Assert.Equal(new ComplianceTally(4, 3, 1, 0, 0), store.Tally.Plus(new ComplianceTally(1, 2, 1, -1, -1)));
    }

    [Theory]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    public void Training_is_recommended_from_the_threshold_on(int threshold, int failures, bool recommended)
    {
        var options = new TrainingOptions { RecommendAtOperatorFailures = threshold };

        Assert.Equal(recommended, options.Recommends(failures));
    }

    [Fact]
    public void Every_shipped_programme_has_required_items_and_the_plan_asks_the_person_to_explain_it()
    {
        Assert.All(DefaultProgrammes.All, p => Assert.Contains(p.Items, i => i.Required));
        Assert.Contains(Plan.Items, i => i.Key == "explains_plan" && i.Required);
        Assert.Contains(Payment.Items, i => i.Key == "signature_step" && i.Required);
        Assert.Equal(6, Plan.ValidForMonths);
        Assert.Empty(new TrainingOptions().Problems());
        Assert.NotEmpty(new TrainingOptions { RecommendAtOperatorFailures = 0 }.Problems());
    }

    internal static IReadOnlySet<string> AllRequired(TrainingProgramme p) => p.Items.Where(i => i.Required).Select(i => i.Key).ToHashSet();

    internal static TrainingSession Session(long id, TrainingProgramme programme, string heldOn, params (long Staff, IReadOnlySet<string> Items)[] people) =>
        new(id, "S-1", programme.Key, DateOnly.Parse(heldOn), "Trainer", "manager@example.com", DateTimeOffset.UnixEpoch,
            people.ToDictionary(p => p.Staff, p => p.Items));
}
